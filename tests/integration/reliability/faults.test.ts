import path from 'node:path';
import Database from 'better-sqlite3';
import { addItem, CloseCode, newId, optionSchema, positionSchema, updateItem, type DocScope } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  api,
  connectDoc,
  docUrl,
  installCleanup,
  RawDocClient,
  seededRandom,
  setupRoom,
  startServer,
  syncedDoc,
  updateFrame,
  updateOf,
  waitFor,
  waitForSync,
  type DocClient,
  type RoomFixture,
  type TestServer,
} from '../../helpers/index.js';
import { JOINT, SIDE_A, settle, viewDoc } from './support.js';

/**
 * Faults: a graceful stop, a crash at any moment, a full database, compaction under
 * load. In every case, what one client has seen from another is what storage has.
 */

installCleanup();

const SIDE_B: DocScope = { kind: 'side', side: 'b' };

interface Writer {
  seat: 'a' | 'b';
  scope: DocScope;
}

const WRITERS: Writer[] = [
  { seat: 'a', scope: JOINT },
  { seat: 'b', scope: JOINT },
  { seat: 'a', scope: SIDE_A },
  { seat: 'b', scope: SIDE_B },
];
const SCOPES = [JOINT, SIDE_A, SIDE_B];

/** Adds, edits or removes an item: removals matter, since a lost delete brings an item back. */
function edit(doc: Y.Doc, scope: DocScope, n: number, random: () => number): void {
  const collection = scope.kind === 'joint' ? 'options' : 'positions';
  const items = doc.getMap(collection);
  const ids = [...items.keys()];
  const roll = random();
  const existing = ids[Math.floor(random() * ids.length)];
  if (existing !== undefined && roll < 0.15) items.delete(existing);
  else if (existing !== undefined && roll < 0.35) {
    if (collection === 'options') updateItem(doc, collection, optionSchema, existing, { text: `edit ${n}` });
    else updateItem(doc, collection, positionSchema, existing, { text: `edit ${n}` });
  } else if (collection === 'options') {
    addItem(doc, collection, optionSchema, { id: newId(), text: `option ${n}`, serves: [], createdAt: n });
  } else {
    addItem(doc, collection, positionSchema, { id: newId(), text: `position ${n}`, because: '', createdAt: n });
  }
}

/** An observer that remembers every item it ever saw removed. */
interface Observer {
  client: DocClient;
  scope: DocScope;
  removed: Set<string>;
}

function observe(server: TestServer, room: RoomFixture, scope: DocScope): Observer {
  const client = connectDoc(server, room.doc(scope), room.token('observer'));
  const removed = new Set<string>();
  for (const collection of ['options', 'positions']) {
    client.doc.getMap(collection).observe((event) => {
      event.changes.keys.forEach((change, key) => {
        if (change.action === 'delete') removed.add(key);
      });
    });
  }
  return { client, scope, removed };
}

/** Starts every writer editing at a human-ish pace; returns a stop function that resolves once they have stopped. */
function startEditing(writers: Array<{ client: DocClient; scope: DocScope }>, seed: number) {
  let running = true;
  const counts = writers.map(() => 0);
  const loops = writers.map(async ({ client, scope }, i) => {
    const random = seededRandom(seed * 31 + i);
    while (running) {
      if (client.provider.wsconnected) edit(client.doc, scope, ++counts[i]!, random);
      await new Promise((resolve) => setTimeout(resolve, 2 + random() * 10));
    }
  });
  return {
    counts,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/**
 * What a client had seen from the others, frozen: its state vector without its own
 * client id (its own unsent edits prove nothing), and the items it saw removed.
 */
interface Seen {
  label: string;
  scope: DocScope;
  fromOthers: Map<number, number>;
  removed: Set<string>;
}

function freeze(label: string, scope: DocScope, doc: Y.Doc, removed = new Set<string>()): Seen {
  const fromOthers = Y.decodeStateVector(Y.encodeStateVector(doc));
  fromOthers.delete(doc.clientID);
  return { label, scope, fromOthers, removed: new Set(removed) };
}

/** Everything any client had seen from another is in what a fresh client gets from storage. */
async function expectNothingLost(server: TestServer, room: RoomFixture, seen: Seen[]): Promise<void> {
  const lost: string[] = [];
  for (const scope of SCOPES) {
    const view = await viewDoc(server, room.doc(scope), room.token('observer'));
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, view.state);
    const collection = scope.kind === 'joint' ? 'options' : 'positions';
    for (const s of seen.filter((x) => x.scope === scope)) {
      for (const [client, clock] of s.fromOthers) {
        const have = view.stateVector.get(client) ?? 0;
        if (have < clock) lost.push(`${s.label}: had seen client ${client} up to clock ${clock}, storage has ${have}`);
      }
      for (const id of s.removed) {
        if (fresh.getMap(collection).has(id)) lost.push(`${s.label}: had seen ${id} removed, it is back`);
      }
    }
    fresh.destroy();
  }
  expect(lost).toEqual([]);
}

async function connectAll(server: TestServer, room: RoomFixture) {
  const writers = WRITERS.map((w) => ({ client: connectDoc(server, room.doc(w.scope), room.token(w.seat)), ...w }));
  const observers = SCOPES.map((scope) => observe(server, room, scope));
  await Promise.all([...writers, ...observers].map(({ client }) => waitForSync(client.provider)));
  return { writers, observers };
}

function freezeAll(
  writers: Array<{ client: DocClient; scope: DocScope; seat: string }>,
  observers: Observer[],
): Seen[] {
  return [
    ...writers.map((w) => freeze(`writer ${w.seat} on ${w.scope.kind}`, w.scope, w.client.doc)),
    ...observers.map((o) => freeze(`observer of ${o.scope.kind}`, o.scope, o.client.doc, o.removed)),
  ];
}

describe('SIGTERM', () => {
  it('stops with exit code 0 while clients are editing, closing them with 1001, and keeps everything any client saw', async () => {
    const server = await startServer({ env: { MAX_MESSAGES_PER_SECOND: '100000' } });
    const room = await setupRoom(server, { mediated: false });
    const { writers, observers } = await connectAll(server, room);
    const editing = startEditing(writers, 1);
    await waitFor(() => editing.counts.every((c) => c >= 15), 'every writer to make 15 edits');

    expect(await server.stop()).toEqual({ code: 0, signal: null });
    await editing.stop();
    const everyone = [...writers.map((w) => w.client), ...observers.map((o) => o.client)];
    await waitFor(() => everyone.every((c) => c.closes.length > 0), 'every client to see its connection closed');
    // A graceful stop says so: 1001 (going away), never an abrupt 1006.
    expect(everyone.map((c) => c.closes[0]!.code)).toEqual(everyone.map(() => CloseCode.GoingAway));
    const seen = freezeAll(writers, observers);
    for (const c of everyone) c.destroy();

    await server.restart();
    await expectNothingLost(server, room, seen);
  });
});

describe('kill -9', () => {
  it('loses nothing any client had seen from another, killed at random moments of concurrent editing, round after round', async () => {
    const random = seededRandom(0xdead);
    const server = await startServer({ env: { MAX_MESSAGES_PER_SECOND: '100000', COMPACT_AFTER_UPDATES: '25' } });
    const room = await setupRoom(server, { mediated: false });
    const allSeen: Seen[] = [];
    for (let round = 1; round <= 3; round++) {
      const { writers, observers } = await connectAll(server, room);
      const editing = startEditing(writers, round);
      const at = 150 + Math.floor(random() * 700);
      await new Promise((resolve) => setTimeout(resolve, at));
      const exit = await server.kill9();
      expect(exit, `round ${round}: killed after ${at} ms`).toEqual({ code: null, signal: 'SIGKILL' });
      await editing.stop();
      const everyone = [...writers.map((w) => w.client), ...observers.map((o) => o.client)];
      await waitFor(() => everyone.every((c) => !c.provider.wsconnected), 'every client to notice the server is gone');
      // Freeze what was seen, and stop the clients before a server exists that they could resend to.
      allSeen.push(...freezeAll(writers, observers).map((s) => ({ ...s, label: `round ${round}, ${s.label}` })));
      for (const c of everyone) c.destroy();
      expect(
        observers.reduce((n, o) => n + o.client.doc.store.clients.size, 0),
        `round ${round}: the observers saw edits before the kill at ${at} ms`,
      ).toBeGreaterThan(0);

      await server.restart();
      await expectNothingLost(server, room, allSeen);
    }
  });
});

describe('a full database', () => {
  it('closes the writer with 4503 instead of accepting (the others with 1012), loses nothing anyone saw, and refuses new rooms with 503', async () => {
    const capped = await startServer({ env: { MAX_DB_BYTES: '200000', ROOMS_PER_HOUR_PER_ADDRESS: '100000' } });
    const room = await setupRoom(capped, { mediated: false });
    const name = room.doc(JOINT);
    const observer = await syncedDoc(capped, name, room.token('observer'));
    const writer = await RawDocClient.open(docUrl(capped, name, room.token('a')));
    const bystander = await RawDocClient.open(docUrl(capped, name, room.token('b')));
    const chunk = 'c'.repeat(2048);

    let accepted = 0;
    let refusedKey: string | null = null;
    for (let i = 0; i < 500 && !refusedKey; i++) {
      const key = `blob${i}`;
      writer.send(updateFrame(updateOf((doc) => doc.getMap('blobs').set(key, chunk))));
      await settle(writer);
      if (writer.closeInfo) refusedKey = key;
      else accepted++;
    }
    expect(refusedKey, 'the database filled up within 500 writes of 2 KiB').not.toBeNull();
    expect(writer.closeInfo).toMatchObject({ code: CloseCode.StorageUnavailable });
    // Someone who wrote nothing lost nothing: told to resync, not that storage is failing.
    await waitFor(() => bystander.closeInfo !== null, 'the bystander to be closed');
    expect(bystander.closeInfo).toMatchObject({ code: CloseCode.ServiceRestart });
    expect(accepted).toBeGreaterThan(10);
    // The refused write was not relayed: the observer has every accepted blob and not that one.
    await waitFor(() => observer.doc.getMap('blobs').size >= accepted, 'the observer to have every accepted write');
    expect(observer.doc.getMap('blobs').has(refusedKey!)).toBe(false);

    // Another attempt is refused the same way, not quietly accepted.
    const again = await RawDocClient.open(docUrl(capped, name, room.token('b')));
    again.send(updateFrame(updateOf((doc) => doc.getMap('blobs').set('again', chunk))));
    await settle(again);
    expect(again.closeInfo?.code ?? 'accepted').toBe(CloseCode.StorageUnavailable);

    // Room creation on a full database: 503 storage_unavailable, not a 500.
    let failure: Awaited<ReturnType<typeof api>> | null = null;
    for (let i = 0; i < 100 && !failure; i++) {
      const created = await api(capped, 'POST', '/api/rooms', {
        body: { title: `Full ${i}`, sides: ['A', 'B'], mediated: true },
      });
      if (created.status !== 201) failure = created;
    }
    expect(failure, 'room creation was refused within 100 tries').not.toBeNull();
    expect({ status: failure!.status, body: failure!.body }).toMatchObject({
      status: 503,
      body: { error: { code: 'storage_unavailable' } },
    });
    expect((await fetch(`${capped.url}/healthz`)).status).toBe(200);
    // Alive, but not ready: a balancer should send rooms elsewhere while writes are refused.
    const readiness = await fetch(`${capped.url}/readyz`);
    expect({ status: readiness.status, body: await readiness.json() }).toEqual({
      status: 503,
      body: { ready: false, reason: 'storage_unavailable' },
    });

    const seen = freeze('observer', JOINT, observer.doc);
    const seenBlobs = [...observer.doc.getMap('blobs').keys()];
    observer.destroy();
    expect(await capped.stop()).toEqual({ code: 0, signal: null });

    // Without the cap, on the same data: everything seen is there, the refused write is not.
    const uncapped = await startServer({ dataDir: capped.dataDir });
    const view = await viewDoc(uncapped, name, room.token('observer'));
    for (const [client, clock] of seen.fromOthers)
      expect(view.stateVector.get(client) ?? 0).toBeGreaterThanOrEqual(clock);
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, view.state);
    expect([...fresh.getMap('blobs').keys()].sort()).toEqual(seenBlobs.sort());
    // And the room takes writes again.
    const writerAgain = await RawDocClient.open(docUrl(uncapped, name, room.token('a')));
    writerAgain.send(updateFrame(updateOf((doc) => doc.getMap('blobs').set('after', chunk))));
    await writerAgain.roundTrip();
    expect(writerAgain.seen.getMap('blobs').has('after')).toBe(true);
  });
});

describe('compaction', () => {
  it('loses nothing when it runs again and again during concurrent writes (COMPACT_AFTER_UPDATES=10)', async () => {
    const server = await startServer({ env: { MAX_MESSAGES_PER_SECOND: '100000', COMPACT_AFTER_UPDATES: '10' } });
    const room = await setupRoom(server, { mediated: false });
    const { writers, observers } = await connectAll(server, room);
    const editing = startEditing(writers, 7);
    await waitFor(() => editing.counts.every((c) => c >= 60), 'every writer to make 60 edits', { timeoutMs: 20_000 });
    await editing.stop();
    // Wait until each observer has everything its writers have, then freeze.
    for (const o of observers) {
      const target = writers.filter((w) => w.scope === o.scope).map((w) => w.client.doc);
      await waitFor(
        () =>
          target.every((doc) =>
            [...Y.decodeStateVector(Y.encodeStateVector(doc))].every(
              ([client, clock]) => (Y.decodeStateVector(Y.encodeStateVector(o.client.doc)).get(client) ?? 0) >= clock,
            ),
          ),
        `the observer of ${o.scope.kind} to have every edit`,
      );
    }
    const seen = freezeAll(writers, observers);
    const expected = new Map(
      observers.map((o) => [o.scope.kind + (o.scope.kind === 'side' ? o.scope.side : ''), o.client.doc]),
    );
    const json = (doc: Y.Doc) => canonical([doc.getMap('options').toJSON(), doc.getMap('positions').toJSON()]);
    const expectedJson = new Map([...expected].map(([k, doc]) => [k, json(doc)]));
    for (const c of [...writers.map((w) => w.client), ...observers.map((o) => o.client)]) c.destroy();

    // Compaction really ran: far fewer stored updates than edits. Documents due together
    // are compacted one at a time, COMPACTION_SPACING_MS apart, so the last of them may
    // still be waiting for its turn when the edits stop.
    const edits = editing.counts.reduce((a, b) => a + b);
    await waitFor(() => countUpdates(server, room) < edits / 2, `fewer stored updates than half the ${edits} edits`);
    await server.kill9();
    expect(countUpdates(server, room), `stored updates vs ${edits} edits`).toBeLessThan(edits / 2);
    await server.restart();
    await expectNothingLost(server, room, seen);
    for (const scope of SCOPES) {
      const key = scope.kind + (scope.kind === 'side' ? scope.side : '');
      const view = await viewDoc(server, room.doc(scope), room.token('observer'));
      const fresh = new Y.Doc();
      Y.applyUpdate(fresh, view.state);
      expect(json(fresh), `${room.doc(scope)} as a fresh client sees it`).toBe(expectedJson.get(key));
    }
  });
});

function countUpdates(server: TestServer, room: RoomFixture): number {
  const db = new Database(path.join(server.dataDir, 'parley.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM doc_log WHERE doc LIKE ?').get(`${room.roomId}/%`) as { n: number })
      .n;
  } finally {
    db.close();
  }
}

/** JSON with object keys sorted: map key order differs between a live doc and one loaded from storage. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
