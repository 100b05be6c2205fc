import fs from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  COLLECTIONS,
  addItem,
  createRoomResponseSchema,
  docName,
  joinResponseSchema,
  newId,
  type DocScope,
} from '@parley/shared';
import { loadConfig } from './config.js';
import { createLogger, type Logger } from './log.js';
import { createParleyServer, type ParleyServer } from './server.js';
import { MessageType, encodeAwarenessStates, encodeSyncStep1, encodeUpdate } from './sync/protocol.js';

/** Joins, edits and presence per document in the warm-up: enough for every piece to have run a few times. */
const ROUNDS = 3;

export interface WarmUpResult {
  ms: number;
  /** Edits that reached the other tab, each with the writer's presence: 6 when all went through. */
  delivered: number;
  /** The temporary data directory it ran in (none when it could not be made), removed by the time the warm-up resolves. */
  dataDir: string | null;
}

/**
 * Runs the join path once through a throwaway server before the real one listens.
 *
 * When a server restarts (a deploy, a crash), everyone who was in a room reconnects
 * within seconds, into a process where none of the join's code has run yet: V8 compiles
 * each function on its first call, and Node 20 keeps no compiled code across restarts.
 * The first of those joins took 7.6–10.4 ms of main thread against 0.2–0.7 ms once
 * warm (docs/PERFORMANCE.md). So before the real server takes its first connection, this
 * creates a room through the HTTP API in a temporary data directory, joins it as a member,
 * and syncs, edits and renews presence over real WebSockets on the loopback interface,
 * as a browser would. The functions it runs are the real server's own, so they are
 * compiled when the first person arrives. Nothing of it touches the real data directory,
 * and the temporary one is removed.
 *
 * Resolves with how long it took; never rejects: a warm-up that fails or times out only
 * leaves the first joins as slow as they would have been, and is logged.
 */
export async function warmUpJoinPath(
  log: Logger,
  /** The warm-up never holds the start-up longer than this; what it did not reach runs cold, as without it. */
  timeoutMs = 10_000,
  /**
   * Aborted when the process is asked to stop (SIGTERM) while the warm-up runs: it ends
   * there, as at its timeout, and resolves once it has cleaned up.
   */
  stop?: AbortSignal,
): Promise<WarmUpResult> {
  const started = performance.now();
  const progress = { delivered: 0 };
  let dataDir: string | null = null;
  let server: ParleyServer | null = null;
  let timer: NodeJS.Timeout | undefined;
  // Every tab it opened, closed whatever happened: a tab left open would keep its presence
  // timer. Once it is over, the steps still under way open none.
  const tabs = new Set<WarmUpTab>();
  const over = new AbortController();
  let onStop: (() => void) | undefined;
  // Both end the warm-up wherever it is: the steps under way see `over` and open nothing more.
  const cutOff = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not done after ${timeoutMs} ms`)), timeoutMs);
    onStop = () => reject(stop?.reason);
    stop?.addEventListener('abort', onStop, { once: true });
  });
  try {
    stop?.throwIfAborted();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-warm-up-'));
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    server = createParleyServer(config, createLogger('silent'), null);
    await Promise.race([
      server.listen().then(({ port }) => exercise(`127.0.0.1:${port}`, progress, tabs, over.signal)),
      cutOff,
    ]);
  } catch (error) {
    if (stop?.aborted) log.info('stopped the warm-up of the join path');
    else log.warn({ err: error }, 'the warm-up of the join path failed; the first joins will run cold');
  } finally {
    clearTimeout(timer);
    if (onStop) stop?.removeEventListener('abort', onStop);
    over.abort();
    for (const tab of tabs) tab.close();
    await server?.close().catch(() => undefined);
    if (dataDir) removeDirectory(dataDir, log);
  }
  return { ms: performance.now() - started, delivered: progress.delivered, dataDir };
}

/** The warm-up's directory goes; if it cannot, the server still starts, and says what is left. */
function removeDirectory(dir: string, log: Logger): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    log.warn({ err: error, dir }, "could not remove the warm-up's temporary directory");
  }
}

/** A mediated room, a member of side A, and two of that member's tabs on each of two documents. */
async function exercise(
  host: string,
  progress: { delivered: number },
  tabs: Set<WarmUpTab>,
  over: AbortSignal,
): Promise<void> {
  const room = createRoomResponseSchema.parse(
    await postJson(host, '/api/rooms', { title: 'Warm-up', sides: ['A', 'B'], mediated: true }),
  );
  const member = joinResponseSchema.parse(
    await postJson(host, '/api/members', { token: room.invites.a.token, name: 'A' }),
  );
  const scopes: DocScope[] = [{ kind: 'side', side: 'a' }, { kind: 'joint' }];
  for (let round = 0; round < ROUNDS; round++) {
    for (const scope of scopes) {
      over.throwIfAborted();
      const url = `ws://${host}/yjs/${encodeURIComponent(docName(room.roomId, scope))}?token=${member.memberToken}`;
      const [writer, reader] = await Promise.all([WarmUpTab.open(url, tabs), WarmUpTab.open(url, tabs)]);
      const collection = scope.kind === 'side' ? 'positions' : 'agenda';
      const seen = Promise.all([reader.observed(collection), reader.presenceOf(writer.doc.clientID)]);
      if (scope.kind === 'side') {
        addItem(writer.doc, collection, COLLECTIONS.side.positions, {
          id: newId(),
          text: 'Warm-up',
          because: 'The first join after a start runs compiled code',
          createdAt: Date.now(),
        });
      } else {
        addItem(writer.doc, collection, COLLECTIONS.joint.agenda, {
          id: newId(),
          title: 'Warm-up',
          status: 'open',
          order: round,
          createdAt: Date.now(),
        });
      }
      writer.awareness.setLocalState({ editing: null });
      await seen;
      progress.delivered += 1;
      writer.close();
      reader.close();
    }
  }
}

/** The browser's side of `/yjs`, as the client's provider speaks it: sync, updates, presence. */
class WarmUpTab {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);

  private constructor(
    private readonly ws: WebSocket,
    private readonly open: Set<WarmUpTab>,
  ) {
    open.add(this);
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer) => this.onMessage(new Uint8Array(data.buffer, data.byteOffset, data.length)));
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send(encodeUpdate(update));
    });
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === this) return;
      this.send(encodeAwarenessStates(this.awareness, [...added!, ...updated!, ...removed!]));
    });
  }

  /** Resolves once connected and synced: the server's sync step 2 has arrived. `open` holds it until it is closed. */
  static open(url: string, open: Set<WarmUpTab>): Promise<WarmUpTab> {
    return new Promise((resolve, reject) => {
      const tab = new WarmUpTab(new WebSocket(url), open);
      tab.ws.once('open', () => tab.send(encodeSyncStep1(tab.doc)));
      // A connection that fails (the throwaway server already closed) rejects, and is never
      // an unhandled 'error' event, which would end the process.
      tab.ws.on('error', reject);
      tab.ws.once('close', (code) => reject(new Error(`the warm-up's connection was closed with ${code}`)));
      tab.synced = () => resolve(tab);
    });
  }

  /** Resolves when something arrives in the named collection from another tab. */
  observed(collection: string): Promise<void> {
    return new Promise((resolve) => this.doc.getMap(collection).observe(() => resolve()));
  }

  /** Resolves when another tab's presence arrives, stamped by the server with who it is. */
  presenceOf(clientId: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.awareness.getStates().get(clientId)?.['user']) resolve();
      };
      this.awareness.on('change', check);
    });
  }

  close(): void {
    this.open.delete(this);
    this.awareness.destroy();
    this.ws.close();
  }

  private synced: () => void = () => undefined;

  private send(frame: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  private onMessage(message: Uint8Array): void {
    // Nothing thrown here may leave the listener: ws would not catch it, and the process would end.
    try {
      const d = decoding.createDecoder(message);
      const type = decoding.readVarUint(d);
      if (type === MessageType.Awareness) {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(d), this);
        return;
      }
      if (type !== MessageType.Sync) return;
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MessageType.Sync);
      const kind = syncProtocol.readSyncMessage(d, reply, this.doc, this);
      if (encoding.length(reply) > 1) this.ws.send(encoding.toUint8Array(reply));
      if (kind === syncProtocol.messageYjsSyncStep2) this.synced();
    } catch {
      // The tab stops; the warm-up, waiting for it, ends at its timeout with a warning.
      this.ws.terminate();
    }
  }
}

function postJson(host: string, route: string, body: unknown): Promise<unknown> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `http://${host}${route}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        // A connection of its own, not one the process's agent would keep alive after the warm-up.
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200 && res.statusCode !== 201) {
            reject(new Error(`${route} answered ${res.statusCode}: ${text}`));
            return;
          }
          try {
            resolve(JSON.parse(text));
          } catch (error) {
            reject(error as Error);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
