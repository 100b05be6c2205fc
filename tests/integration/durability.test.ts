import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
  addItem,
  agendaTopicSchema,
  newId,
  optionSchema,
  phaseChangeSchema,
  positionSchema,
  updateItem,
  type DocScope,
} from '@parley/shared';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  api,
  closeClients,
  installCleanup,
  missingFrom,
  seededRandom,
  setupRoom,
  startServer,
  syncedDoc,
  waitFor,
  waitForDocs,
  type DocClient,
  type RoomFixture,
  type Seat,
  type TestServer,
} from '../helpers/index.js';

/**
 * Accepted means durable: the server commits an update before relaying it, so whatever
 * one client has seen from another survives the server process, however it ends.
 */

installCleanup();

const SIDE_A: DocScope = { kind: 'side', side: 'a' };

/** Writes a position as side A and waits until the observer has it. */
async function writeSeenByAnother(server: TestServer, room: RoomFixture, text: string): Promise<string> {
  const name = room.doc(SIDE_A);
  const alice = await syncedDoc(server, name, room.token('a'));
  const olive = await syncedDoc(server, name, room.token('observer'));
  const { id } = addItem(alice.doc, 'positions', positionSchema, {
    id: newId(),
    text,
    because: '',
    createdAt: Date.now(),
  });
  await waitForDocs([alice, olive], (doc) => doc.getMap('positions').has(id), 'the observer to see the position');
  // Close the writer before the server goes away, so it cannot hand its copy back on reconnect.
  await closeClients();
  return id;
}

async function freshHas(server: TestServer, room: RoomFixture, id: string): Promise<boolean> {
  const fresh = await syncedDoc(server, room.doc(SIDE_A), room.token('b'));
  return fresh.doc.getMap('positions').has(id);
}

describe('a write another client has seen', () => {
  it('survives a graceful restart (SIGTERM exits 0)', async () => {
    const server = await startServer();
    const room = await setupRoom(server, { mediated: false });
    const id = await writeSeenByAnother(server, room, 'Keep the garden');
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    expect(existsSync(path.join(server.dataDir, 'parley.sqlite'))).toBe(true);
    await server.restart();
    expect(await freshHas(server, room, id)).toBe(true);
  });

  it('exits 0 after SIGTERM even while clients never answer the close (a laptop gone to sleep)', async () => {
    const server = await startServer();
    const room = await setupRoom(server, { mediated: false });
    const id = await writeSeenByAnother(server, room, 'Keep the hedge');
    // Upgraded connections that will never send a close frame back: one on /yjs, one on socket.io.
    const silent = [`/yjs/${room.doc(SIDE_A)}?token=${room.token('a')}`, '/socket.io/?EIO=4&transport=websocket'].map(
      (target) => {
        const socket = net.connect(server.port, '127.0.0.1');
        socket.on('error', () => undefined);
        socket.write(
          `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
        );
        let answer = '';
        socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
        return { socket, answered: () => answer.startsWith('HTTP/1.1 101') };
      },
    );
    await waitFor(() => silent.every((s) => s.answered()), 'both upgrades to be accepted');
    // The server's own wait for a close handshake would be ws's 30 s; the helper waits 10.
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    for (const { socket } of silent) socket.destroy();
    await server.restart();
    expect(await freshHas(server, room, id)).toBe(true);
  });

  it('shuts down gracefully on a SIGTERM sent the moment it says it listens', async () => {
    // A supervisor may signal as soon as it reads the line; five times, since it is a race.
    for (let round = 1; round <= 5; round++) {
      const server = await startServer();
      expect(await server.stop(), `round ${round}`).toEqual({ code: 0, signal: null });
    }
  });

  it('exits 0 after SIGTERM once nothing reads its log (a log shipper gone)', async () => {
    const server = await startServer();
    server.proc.stdout!.destroy();
    expect((await api(server, 'GET', '/healthz')).status).toBe(200);
    // The shutdown's log lines meet the closed pipe, the last one as the process exits.
    expect(await server.stop()).toEqual({ code: 0, signal: null });
  });

  it('survives kill -9, again and again', async () => {
    const server = await startServer();
    const room = await setupRoom(server, { mediated: false });
    const ids: string[] = [];
    for (let round = 1; round <= 3; round++) {
      ids.push(await writeSeenByAnother(server, room, `Round ${round}`));
      expect(await server.kill9()).toEqual({ code: null, signal: 'SIGKILL' });
      await server.restart();
      for (const id of ids)
        expect(await freshHas(server, room, id), `position of round ${ids.indexOf(id) + 1}`).toBe(true);
      await closeClients();
    }
  });
});

describe('compaction', () => {
  it('keeps a write made after other documents were compacted through kill -9', async () => {
    // Compaction deletes a document's stored updates; the writes that follow must still
    // load after the snapshot, whichever document they belong to.
    const server = await startServer({ env: { COMPACT_AFTER_UPDATES: '10' } });
    const room = await setupRoom(server, { mediated: false });
    const sides = [SIDE_A, { kind: 'side', side: 'b' }, SIDE_A] as const;
    const counts = [10, 10, 1];
    const written: Array<{ name: string; id: string }> = [];
    for (const [i, scope] of sides.entries()) {
      const name = room.doc(scope);
      const seat = scope.side;
      const writer = await syncedDoc(server, name, room.token(seat));
      const observer = await syncedDoc(server, name, room.token('observer'));
      for (let n = 0; n < counts[i]!; n++) {
        const { id } = addItem(writer.doc, 'positions', positionSchema, {
          id: newId(),
          text: `${seat} ${n}`,
          because: '',
          createdAt: n,
        });
        await waitForDocs(
          [writer, observer],
          (doc) => doc.getMap('positions').has(id),
          'the observer to see the position',
        );
        written.push({ name, id });
      }
      await closeClients();
    }
    await server.kill9();
    await server.restart();
    for (const scope of [SIDE_A, sides[1]]) {
      const name = room.doc(scope);
      const fresh = await syncedDoc(server, name, room.token('observer'));
      const lost = written.filter((w) => w.name === name && !fresh.doc.getMap('positions').has(w.id));
      expect(lost, name).toEqual([]);
    }
  });
});

interface Writer {
  seat: Seat;
  scope: DocScope;
  write(doc: Y.Doc, n: number, random: () => number): void;
}

const WRITERS: Writer[] = [
  { seat: 'a', scope: SIDE_A, write: (doc, n) => addPosition(doc, `a${n}`) },
  { seat: 'b', scope: { kind: 'side', side: 'b' }, write: (doc, n) => addPosition(doc, `b${n}`) },
  { seat: 'a', scope: { kind: 'joint' }, write: (doc, n, r) => editOption(doc, `joint a${n}`, r) },
  { seat: 'b', scope: { kind: 'joint' }, write: (doc, n, r) => editOption(doc, `joint b${n}`, r) },
  {
    seat: 'mediator',
    scope: { kind: 'joint' },
    write: (doc, n) =>
      addItem(doc, 'agenda', agendaTopicSchema, {
        id: newId(),
        title: `topic ${n}`,
        status: 'open',
        order: n,
        createdAt: n,
      }),
  },
  {
    seat: 'mediator',
    scope: { kind: 'facilitation' },
    write: (doc, n) => addItem(doc, 'phaseHistory', phaseChangeSchema, { id: newId(), phase: 'interests', at: n }),
  },
];

function addPosition(doc: Y.Doc, text: string): void {
  addItem(doc, 'positions', positionSchema, { id: newId(), text, because: '', createdAt: Date.now() });
}

/** Adds an option, or now and then edits or deletes an existing one, so updates and deletes are covered too. */
function editOption(doc: Y.Doc, text: string, random: () => number): void {
  const options = doc.getMap('options');
  const ids = [...options.keys()];
  const pick = ids[Math.floor(random() * ids.length)];
  const roll = random();
  if (pick !== undefined && roll < 0.2) updateItem(doc, 'options', optionSchema, pick, { text });
  else if (pick !== undefined && roll < 0.3) options.delete(pick);
  else addItem(doc, 'options', optionSchema, { id: newId(), text, serves: [], createdAt: Date.now() });
}

describe('many edits from several clients', () => {
  it('lose nothing any other client had observed when the server is killed mid-stream', async () => {
    const server = await startServer({
      // Compact often so a load has to combine a snapshot with later updates; no rate cap in the way.
      env: { COMPACT_AFTER_UPDATES: '10', MAX_MESSAGES_PER_SECOND: '100000' },
    });
    const room = await setupRoom(server, { mediated: true });
    const scopes: DocScope[] = [SIDE_A, { kind: 'side', side: 'b' }, { kind: 'joint' }, { kind: 'facilitation' }];
    const observers = await Promise.all(scopes.map((s) => syncedDoc(server, room.doc(s), room.token('observer'))));
    const writers = await Promise.all(WRITERS.map((w) => syncedDoc(server, room.doc(w.scope), room.token(w.seat))));

    let running = true;
    const counts = WRITERS.map(() => 0);
    const loops = WRITERS.map(async (writer, i) => {
      const random = seededRandom(i + 1);
      while (running) {
        writer.write(writers[i]!.doc, ++counts[i]!, random);
        // Pace the edits so they interleave across clients, as people typing would.
        await new Promise((resolve) => setTimeout(resolve, 2 + random() * 8));
      }
    });

    const observedItems = () => observers.reduce((n, o) => n + o.doc.store.clients.size, 0);
    await waitFor(
      () => counts.every((c) => c >= 20) && observedItems() >= WRITERS.length,
      'every writer to have made 20 edits and the observers to have seen them',
      { timeoutMs: 20_000 },
    );
    await server.kill9();
    running = false;
    await Promise.all(loops);
    // Everything the server relayed before dying is in; wait until each observer noticed the loss.
    await waitFor(() => observers.every((o) => !o.provider.wsconnected), 'the observers to notice the server is gone');
    for (const w of writers) w.destroy();
    const observed = observers.map((o: DocClient) => o.doc);
    for (const o of observers) o.provider.destroy();

    await server.restart();
    for (const [i, scope] of scopes.entries()) {
      const fresh = await syncedDoc(server, room.doc(scope), room.token('observer'));
      const seen = observed[i]!;
      expect(seen.store.clients.size, `the observer of ${room.doc(scope)} saw edits`).toBeGreaterThan(0);
      expect(missingFrom(fresh.doc, seen), room.doc(scope)).toEqual([]);
      // Options may have been deleted after the observer saw them; every other collection only grows.
      for (const collection of [...seen.share.keys()].filter((c) => c !== 'options')) {
        const lost = [...seen.getMap(collection).keys()].filter((id) => !fresh.doc.getMap(collection).has(id));
        expect(lost, `${room.doc(scope)} ${collection}`).toEqual([]);
      }
    }
  });
});
