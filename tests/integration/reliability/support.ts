import { readFileSync } from 'node:fs';
import { addItem, newId, optionSchema, type DocScope } from '@parley/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { expect } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  docUrl,
  MESSAGE_AWARENESS,
  RawDocClient,
  setupRoom,
  syncStep1Frame,
  trackClient,
  withTimeout,
  syncedDoc,
  updateFrame,
  updateOf,
  waitFor,
  type RoomFixture,
  type TestServer,
} from '../../helpers/index.js';

/**
 * What the reliability suite needs on top of tests/helpers: frames built byte by byte,
 * a before/after view of a document as the server serves it, and the two checks every
 * hostile case ends with (the server still serves, the attacked room is intact).
 */

export const MESSAGE_AUTH = 2;
export const JOINT: DocScope = { kind: 'joint' };
export const SIDE_A: DocScope = { kind: 'side', side: 'a' };

/** Concatenates byte arrays into one frame. */
export function bytes(...parts: Array<Uint8Array | number[]>): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** A value to JSON-encode, or `{ raw }` to send a state string verbatim (e.g. invalid JSON). */
  state: unknown;
}

/** The inner awareness update y-protocols encodes: `[count, (clientId, clock, json)*]`. */
export function awarenessUpdate(entries: AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    const raw = state !== null && typeof state === 'object' && 'raw' in state ? String(state.raw) : null;
    encoding.writeVarString(e, raw ?? JSON.stringify(state));
  }
  return encoding.toUint8Array(e);
}

/** `[messageAwareness, update]`. */
export function awarenessFrame(entries: AwarenessEntry[] | Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, entries instanceof Uint8Array ? entries : awarenessUpdate(entries));
  return encoding.toUint8Array(e);
}

/** `[messageType, varUint8Array(payload)]` with any type and payload. */
export function envelope(type: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** `[messageSync, syncType, varUint8Array(payload)]` with any sync type and payload. */
export function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, syncType);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** An option with a recognisable text, written as an update from a throwaway doc. */
export function optionUpdate(text: string, id = newId()): { id: string; update: Uint8Array } {
  return {
    id,
    update: updateOf((doc) => addItem(doc, 'options', optionSchema, { id, text, serves: [], createdAt: 1 })),
  };
}

/**
 * How the server serves a document right now, read over a fresh raw connection that
 * asks with an empty state vector. Anything the answer holds that cannot be integrated
 * (pending structs) counts as content too: a newcomer would store it.
 */
export interface DocView {
  stateVector: Map<number, number>;
  /** JSON of every non-empty top-level map, or the error reading it raised. */
  content: string;
  /** Bytes of structs and deletions the answer holds that cannot be integrated. */
  pendingBytes: number;
  /** Size of the server's sync step 2. */
  answerBytes: number;
  options: string[];
  /** Everything the client integrated, re-encoded: a base for edits that depend only on it. */
  state: Uint8Array;
  /** Errors applying what the server sent, which a conforming server never causes. */
  decodeErrors: string[];
}

export async function viewDoc(server: TestServer, name: string, token: string, timeoutMs = 10_000): Promise<DocView> {
  const ws = new WebSocket(docUrl(server, name, token));
  ws.binaryType = 'nodebuffer';
  const untrack = trackClient(() => ws.terminate());
  const seen = new Y.Doc();
  const decodeErrors: string[] = [];
  let answerBytes = 0;
  const answered = new Promise<void>((resolve, reject) => {
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) !== 0) return;
      const type = decoding.readVarUint(d);
      if (type !== 1 && type !== 2) return;
      const update = decoding.readVarUint8Array(d);
      try {
        Y.applyUpdate(seen, update);
      } catch (error) {
        decodeErrors.push((error as Error).message);
      }
      if (type === 1) {
        answerBytes = update.length;
        resolve();
      }
    });
    ws.on('close', (code, reason) => reject(new Error(`${name} closed with ${code} ${reason.toString()}`)));
    ws.on('error', (error) => reject(error));
    ws.on('open', () => ws.send(syncStep1Frame()));
  });
  try {
    await withTimeout(answered, timeoutMs, `${name} to answer a sync step 1`);
    let content: string;
    try {
      // Empty maps are left out: structs that never integrated still name their map.
      const maps = [...seen.share.keys()].sort().map((key) => [key, seen.getMap(key).toJSON()] as const);
      content = JSON.stringify(maps.filter(([, value]) => Object.keys(value).length > 0));
    } catch (error) {
      content = `unreadable: ${(error as Error).message}`;
    }
    const { pendingStructs, pendingDs } = seen.store;
    return {
      stateVector: Y.decodeStateVector(Y.encodeStateVector(seen)),
      content,
      pendingBytes: (pendingStructs?.update.length ?? 0) + (pendingDs?.length ?? 0),
      answerBytes,
      options: [...seen.getMap('options').keys()].sort(),
      state: Y.encodeStateAsUpdate(seen),
      decodeErrors,
    };
  } finally {
    ws.terminate();
    untrack();
    seen.destroy();
  }
}

/** Fails with a readable message unless two views of a document are the same. */
export function expectSameView(after: DocView, before: DocView, what: string): void {
  const describe = (v: DocView) =>
    `answer ${v.answerBytes} bytes, pending ${v.pendingBytes} bytes, state ${JSON.stringify([...v.stateVector])}, ` +
    `content ${v.content.length > 300 ? `${v.content.slice(0, 300)}…` : v.content}` +
    (v.decodeErrors.length ? `, could not apply: ${v.decodeErrors.join('; ')}` : '');
  if (
    after.decodeErrors.length > 0 ||
    after.pendingBytes !== before.pendingBytes ||
    after.content !== before.content ||
    JSON.stringify([...after.stateVector]) !== JSON.stringify([...before.stateVector])
  ) {
    throw new Error(`${what}: the document changed.\n  before: ${describe(before)}\n  after:  ${describe(after)}`);
  }
}

/** A room whose joint doc already holds one option written by side A, committed. */
export interface SeededRoom {
  room: RoomFixture;
  name: string;
  markerId: string;
  /** The seed write, to rebuild the document's state locally. */
  seedUpdate: Uint8Array;
  before: DocView;
}

export async function seededRoom(server: TestServer, scope: DocScope = JOINT): Promise<SeededRoom> {
  const room = await setupRoom(server, { mediated: false });
  const name = room.doc(scope);
  const writer = await RawDocClient.open(docUrl(server, name, room.token('a')));
  const { id, update } = scope.kind === 'joint' ? optionUpdate('written before the attack') : sidePosition();
  writer.send(updateFrame(update));
  await writer.roundTrip();
  writer.terminate();
  const before = await viewDoc(server, name, room.token('observer'));
  if (before.stateVector.size === 0) throw new Error('the seed write did not reach the document');
  return { room, name, markerId: id, seedUpdate: update, before };
}

function sidePosition(): { id: string; update: Uint8Array } {
  const id = newId();
  return { id, update: updateOf((doc) => doc.getMap('positions').set(id, new Y.Map([['text', 'seed']]))) };
}

/** The attacked room's content is exactly what it was. */
export async function expectUnchanged(server: TestServer, seeded: SeededRoom, what: string): Promise<void> {
  expectSameView(await viewDoc(server, seeded.name, seeded.room.token('observer')), seeded.before, what);
}

/**
 * The server process is alive, answers /healthz, and a fresh room works end to end:
 * two stock clients sync and a write by one reaches the other.
 */
export async function expectServerStillServes(server: TestServer): Promise<void> {
  expect(server.proc.exitCode, 'the server process exited').toBeNull();
  const health = await fetch(`${server.url}/healthz`);
  expect(health.status, '/healthz').toBe(200);
  const room = await setupRoom(server, { mediated: false });
  const name = room.doc(JOINT);
  const [alice, bob] = await Promise.all([
    syncedDoc(server, name, room.token('a')),
    syncedDoc(server, name, room.token('b')),
  ]);
  const { id } = addItem(alice.doc, 'options', optionSchema, {
    id: newId(),
    text: 'the server still serves',
    serves: [],
    createdAt: 1,
  });
  await waitFor(() => bob.doc.getMap('options').has(id), 'a write in a fresh room to reach the other side');
  alice.destroy();
  bob.destroy();
}

/** Reads the server's Prometheus text. */
export async function metricsText(server: TestServer): Promise<string> {
  const response = await fetch(`${server.url}/metrics`);
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  return response.text();
}

/** The value of an unlabelled sample, or the sum over a labelled family filtered by `labels`. */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  let found = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const labelText = match[2] ?? '';
    if (!Object.entries(labels).every(([k, v]) => labelText.includes(`${k}="${v}"`))) continue;
    sum += Number(match[3]);
    found = true;
  }
  if (!found && Object.keys(labels).length === 0) throw new Error(`metric ${name} not found`);
  return sum;
}

/** Resident set size of a process in bytes, from /proc/<pid>/status. */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

/** Decodes awareness frames the way a client's Awareness applies them: what this connection believes. */
export class AwarenessView {
  readonly states = new Map<number, { clock: number; state: Record<string, unknown> | null }>();
  frames = 0;

  constructor(ws: WebSocket) {
    ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data)));
  }

  stateOf(clientId: number): Record<string, unknown> | null {
    return this.states.get(clientId)?.state ?? null;
  }

  private receive(frame: Uint8Array): void {
    const d = decoding.createDecoder(frame);
    if (decoding.readVarUint(d) !== MESSAGE_AWARENESS) return;
    this.frames++;
    const update = decoding.createDecoder(decoding.readVarUint8Array(d));
    const count = decoding.readVarUint(update);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(update);
      const clock = decoding.readVarUint(update);
      const state = JSON.parse(decoding.readVarString(update)) as Record<string, unknown> | null;
      const current = this.states.get(clientId);
      if (!current || current.clock < clock || (current.clock === clock && state === null)) {
        this.states.set(clientId, { clock, state });
      }
    }
  }
}

/** A raw connection plus what it has learned about awareness. */
export async function rawWithAwareness(
  server: TestServer,
  name: string,
  token: string,
): Promise<{ client: RawDocClient; awareness: AwarenessView }> {
  const client = new RawDocClient(docUrl(server, name, token));
  const awareness = new AwarenessView(client.ws);
  await client.opened;
  return { client, awareness };
}

/**
 * Sends a sync step 1 and waits until the server has dealt with everything sent before
 * it: it answered, closed the connection, or sent something this client cannot apply.
 */
export async function settle(client: RawDocClient): Promise<void> {
  if (!client.isOpen) return;
  const answers = client.step2Count;
  const errors = client.decodeErrors.length;
  client.send(syncStep1Frame());
  await waitFor(
    () => client.closeInfo !== null || client.step2Count > answers || client.decodeErrors.length > errors,
    'the server to answer a sync step 1 or close the connection',
  );
}

/** Sleeps; only for letting something that must NOT happen have its chance, followed by a positive control. */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A writer and a reader on the joint doc: proves the room still works end to end. */
export async function expectRoomWorks(server: TestServer, room: Awaited<ReturnType<typeof setupRoom>>): Promise<void> {
  const name = room.doc(JOINT);
  const writer = await syncedDoc(server, name, room.token('a'));
  const reader = await syncedDoc(server, name, room.token('b'));
  const { id } = addItem(writer.doc, 'options', optionSchema, { id: newId(), text: 'ok', serves: [], createdAt: 1 });
  await waitFor(() => reader.doc.getMap('options').has(id), 'a write to reach the other side');
  writer.destroy();
  reader.destroy();
}
