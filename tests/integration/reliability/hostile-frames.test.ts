import { CloseCode, newId } from '@parley/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodeStrictly,
  docUrl,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  randomBytes,
  RawDocClient,
  seededRandom,
  startServer,
  syncedDoc,
  syncStep1Frame,
  updateFrame,
  updateOf,
  useServer,
  waitFor,
} from '../../helpers/index.js';
import {
  awarenessFrame,
  awarenessUpdate,
  bytes,
  envelope,
  expectServerStillServes,
  expectSameView,
  expectUnchanged,
  MESSAGE_AUTH,
  optionUpdate,
  seededRoom,
  settle,
  syncFrame,
  viewDoc,
  type SeededRoom,
} from './support.js';

/**
 * Hostile bytes on /yjs: whatever a connection sends, it costs that connection at most
 * (with the documented close code), the attacked room keeps exactly its content, and
 * the server goes on serving everyone else.
 */

const FRAME_CAP = 256 * 1024;
const DOC_CAP = 128 * 1024;
const RATE = 50;

const server = useServer({
  env: {
    MAX_FRAME_BYTES: String(FRAME_CAP),
    MAX_DOC_BYTES: String(DOC_CAP),
    MAX_MESSAGES_PER_SECOND: String(RATE),
    ROOMS_PER_HOUR_PER_ADDRESS: '100000',
  },
});

/**
 * Sends `frames` as side A to a freshly seeded joint doc, then a sync step 1 as a
 * positive control: frames on a connection are handled in order, so a server that
 * ignored the frames answers it instead of closing, and the test fails at once.
 */
async function attack(frames: Array<Uint8Array | string>): Promise<{ seeded: SeededRoom; code: number | string }> {
  const seeded = await seededRoom(server());
  const client = await RawDocClient.open(docUrl(server(), seeded.name, seeded.room.token('a')));
  for (const frame of frames) client.ws.send(frame);
  client.send(syncStep1Frame());
  await waitFor(() => client.closeInfo !== null || client.step2Count > 0, 'the server to close the connection');
  return { seeded, code: client.closeInfo?.code ?? 'still open: it answered a sync step 1 sent after the frames' };
}

/** Every hostile case ends here: the room is as it was and the server serves a fresh room. */
async function expectNoHarm(seeded: SeededRoom, what: string): Promise<void> {
  await expectUnchanged(server(), seeded, what);
  await expectServerStillServes(server());
}

/** True when a frame cannot be an awareness message the server accepts. */
function awarenessIsMalformed(frame: Uint8Array): boolean {
  try {
    const d = decoding.createDecoder(frame);
    if (decoding.readVarUint(d) !== MESSAGE_AWARENESS) return true;
    const inner = decoding.createDecoder(decoding.readVarUint8Array(d));
    if (decoding.hasContent(d)) return true;
    const count = decoding.readVarUint(inner);
    for (let i = 0; i < count; i++) {
      decoding.readVarUint(inner);
      decoding.readVarUint(inner);
      const state: unknown = JSON.parse(decoding.readVarString(inner));
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) return true;
    }
    return decoding.hasContent(inner);
  } catch {
    return true;
  }
}

/** Seeded random frames that start like a known message type and cannot be decoded. */
function randomMalformedFrames(): Array<[string, Uint8Array]> {
  const random = seededRandom(20240601);
  const frames: Array<[string, Uint8Array]> = [];
  const kinds: Array<[string, number[], (f: Uint8Array) => boolean]> = [
    ['sync', [0], (f) => throws(() => decodeStrictly(f))],
    ['sync step 1', [0, 0], (f) => throws(() => decodeStrictly(f))],
    ['sync update', [0, 2], (f) => throws(() => decodeStrictly(f))],
    ['awareness', [1], awarenessIsMalformed],
    ['query-awareness', [3], (f) => f.length > 1],
    ['an unknown type', [9], () => true],
    ['a huge varint type', [0xff, 0xff, 0xff, 0xff, 0x7f], () => true],
  ];
  for (const [kind, prefix, malformed] of kinds) {
    for (let found = 0, tries = 0; found < 2 && tries < 10_000; tries++) {
      const frame = bytes(prefix, randomBytes(random, 4 + Math.floor(random() * 60)));
      if (!malformed(frame)) continue;
      frames.push([`random bytes after ${kind} (${frame.length} bytes)`, frame]);
      found++;
    }
  }
  return frames;
}

function throws(fn: () => void): boolean {
  try {
    fn();
    return false;
  } catch {
    return true;
  }
}

function populatedStep1(): Uint8Array {
  const doc = new Y.Doc();
  for (let i = 0; i < 4; i++) {
    const other = new Y.Doc();
    other.getMap('m').set('k', i);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
  }
  return syncStep1Frame(doc);
}

describe('undecodable frames are closed with 4400', () => {
  const cases: Array<[string, Uint8Array | string]> = [
    ['an empty frame', new Uint8Array(0)],
    ['a varint that never ends', Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80)],
    ['a truncated sync step 1', populatedStep1().slice(0, -3)],
    ['a truncated update', updateFrame(optionUpdate('x'.repeat(200)).update).slice(0, 40)],
    ['a sync frame whose payload length runs past the end', Uint8Array.of(0, 2, 0x90, 0x4e, 1, 2, 3)],
    ['a truncated awareness message', awarenessFrame([{ clientId: 5, clock: 1, state: { a: 1 } }]).slice(0, -4)],
    ['a text frame', 'hello'],
    ['a text frame carrying a sync step 1', Buffer.from(syncStep1Frame()).toString('latin1')],
    ...randomMalformedFrames(),
  ];

  it.each(cases)('closes a connection that sends %s with 4400 and changes nothing', async (label, frame) => {
    const { seeded, code } = await attack([frame]);
    expect(code, label).toBe(CloseCode.BadMessage);
    await expectNoHarm(seeded, label);
  });
});

describe('every message type with a malformed body is closed with 4400', () => {
  const unterminatedString = bytes([0], [50], Buffer.from('abc'));
  const cases: Array<[string, Uint8Array]> = [
    ['sync step 1 with a state vector claiming more entries than it has', syncFrame(0, Uint8Array.of(5, 1, 1))],
    [
      'sync step 2 of random bytes',
      syncFrame(
        1,
        randomBytes(seededRandom(3), 40).map((b, i) => (i === 0 ? 7 : b)),
      ),
    ],
    [
      'an update of random bytes',
      syncFrame(
        2,
        randomBytes(seededRandom(4), 40).map((b, i) => (i === 0 ? 9 : b)),
      ),
    ],
    ['an update whose struct is cut short', syncFrame(2, optionUpdate('cut short').update.slice(0, 20))],
    ['an unknown sync message type', syncFrame(3, new Uint8Array(0))],
    ['an awareness update claiming more entries than it has', awarenessFrame(Uint8Array.of(3, 1, 1, 2, 0x7b, 0x7d))],
    ['an awareness state that is not JSON', awarenessFrame([{ clientId: 9, clock: 1, state: { raw: '{not json' } }])],
    ['an awareness state that is an array', awarenessFrame([{ clientId: 9, clock: 1, state: [1, 2] }])],
    ['an awareness state that is a number', awarenessFrame([{ clientId: 9, clock: 1, state: 42 }])],
    [
      'an awareness update with trailing bytes',
      awarenessFrame(bytes(awarenessUpdate([{ clientId: 9, clock: 1, state: {} }]), [1, 2, 3])),
    ],
    ['a query-awareness message with a body', Uint8Array.of(MESSAGE_QUERY_AWARENESS, 1, 2, 3)],
    ['an auth message without a body', Uint8Array.of(MESSAGE_AUTH)],
    ['an auth message whose reason string is cut short', bytes([MESSAGE_AUTH], unterminatedString)],
    [
      'an auth message of an unknown kind',
      envelope(MESSAGE_AUTH, Uint8Array.of(1, 2, 3)).map((b, i) => (i === 1 ? 7 : b)),
    ],
  ];

  it.each(cases)('closes a connection that sends %s with 4400 and changes nothing', async (label, frame) => {
    const { seeded, code } = await attack([frame]);
    expect(code, label).toBe(CloseCode.BadMessage);
    await expectNoHarm(seeded, label);
  });
});

// ---- crafted updates ----

/** One struct of a hand-encoded v1 update. */
type StructWriter = (e: encoding.Encoder) => void;

/** `[clients, (structs, client, clock, struct*)*, empty delete set]`: a v1 update written by hand. */
function handUpdate(clients: Array<{ client: number; clock: number; structs: StructWriter[] }>): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, clients.length);
  for (const { client, clock, structs } of clients) {
    encoding.writeVarUint(e, structs.length);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    for (const write of structs) write(e);
  }
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

const CONTENT_STRING = 4;
const CONTENT_TYPE = 7;
const Y_MAP_REF = 1;
const HAS_ORIGIN = 0x80;
const HAS_RIGHT_ORIGIN = 0x40;
const HAS_PARENT_SUB = 0x20;

/** A string item whose left origin is the given id. */
const stringWithOrigin =
  (client: number, clock: number, right = false): StructWriter =>
  (e) => {
    encoding.writeUint8(e, CONTENT_STRING | (right ? HAS_RIGHT_ORIGIN : HAS_ORIGIN));
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, 'x');
  };

/** A map item stored under `key` in the type held by the item with the given id. */
const mapUnderItem =
  (client: number, clock: number, key = 'k'): StructWriter =>
  (e) => {
    encoding.writeUint8(e, CONTENT_TYPE | HAS_PARENT_SUB);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, key);
    encoding.writeVarUint(e, Y_MAP_REF);
  };

/** A delete set only: removes `length` structs of `client` from `clock`. */
function deleteUpdate(client: number, clock: number, length = 1): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clock);
  encoding.writeVarUint(e, length);
  return encoding.toUint8Array(e);
}

/** Client ids far from anything Yjs picks at random in these tests. */
let nextClient = 0x7fff0000;
const freshClient = () => nextClient++;

/** `depth` maps, each inside the previous, under `options/<key>`: one update, built without recursion. */
function nestedMaps(depth: number): { client: number; key: string; update: Uint8Array } {
  const doc = new Y.Doc();
  doc.clientID = freshClient();
  const key = `nest-${newId()}`;
  let update: Uint8Array | null = null;
  doc.on('update', (u: Uint8Array) => {
    update = u;
  });
  doc.transact(() => {
    let map = doc.getMap('options');
    for (let i = 0; i < depth; i++) {
      const child = new Y.Map<unknown>();
      map.set(i === 0 ? key : 'k', child);
      map = child;
    }
  });
  const client = doc.clientID;
  doc.destroy();
  if (!update) throw new Error('no update');
  return { client, key, update };
}

/**
 * Updates whose first edit is withheld: every one of them depends on something the
 * server never gets, so none can ever be integrated.
 */
function updatesMissingTheirStart(count: number, size: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  doc.getMap('blobs').set('withheld', 1);
  for (let i = 0; i < count; i++) doc.getMap('blobs').set(`b${i}`, 'p'.repeat(size));
  doc.destroy();
  return updates.slice(1);
}

/** `payload` as one masked binary WebSocket frame, as a client sends it. */
function websocketFrame(payload: Uint8Array): Buffer {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x82, 0x80 | length])
      : length < 65536
        ? Buffer.from([0x82, 0x80 | 126, length >> 8, length & 0xff])
        : Buffer.concat([
            Buffer.from([0x82, 0x80 | 127, 0, 0, 0, 0]),
            Buffer.from(new Uint32Array([length]).buffer).reverse(),
          ]);
  const mask = Buffer.from([1, 2, 3, 4]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([header, mask, masked]);
}

describe('crafted updates', () => {
  it(`closes a connection that sends one update bigger than MAX_DOC_BYTES (${DOC_CAP}) with 4413 and keeps none of it`, async () => {
    const huge = updateOf((doc) => doc.getMap('blobs').set('huge', 'h'.repeat(DOC_CAP + 16 * 1024)));
    expect(huge.length).toBeLessThan(FRAME_CAP);
    const { seeded, code } = await attack([updateFrame(huge)]);
    expect(code).toBe(CloseCode.TooLarge);
    await expectNoHarm(seeded, 'an update over the document cap');
  });

  it('closes with 4413 the update that would take a document over MAX_DOC_BYTES, keeping the ones before it', async () => {
    const seeded = await seededRoom(server());
    const client = await RawDocClient.open(docUrl(server(), seeded.name, seeded.room.token('a')));
    const chunk = (n: number) => updateOf((doc) => doc.getMap('blobs').set(`chunk${n}`, String(n).repeat(DOC_CAP / 3)));
    client.send(updateFrame(chunk(1)));
    client.send(updateFrame(chunk(2)));
    await client.roundTrip();
    const accepted = await viewDoc(server(), seeded.name, seeded.room.token('observer'));
    client.send(updateFrame(chunk(3)));
    expect((await client.waitForClose()).code).toBe(CloseCode.TooLarge);
    await expectNoHarm({ ...seeded, before: accepted }, 'the update over the cap');
  });

  it('refuses content the documents never hold, or values nested past what can be written back, with 4400', async () => {
    // One item of legacy JSON content, nested 30,000 deep: Yjs reads it back (JSON.parse
    // does not recurse) but cannot write it out (JSON.stringify does), so accepted it
    // would leave a document nobody can load.
    const e = encoding.createEncoder();
    for (const n of [1, 1, 777777, 0]) encoding.writeVarUint(e, n); // one client, one struct, its id, clock 0
    encoding.writeUint8(e, 2 | 0x20); // ContentJSON, with a parentSub
    encoding.writeVarUint(e, 1); // the parent is a top-level type, by name
    encoding.writeVarString(e, 'zz');
    encoding.writeVarString(e, 'k');
    encoding.writeVarUint(e, 1); // one JSON value
    encoding.writeVarString(e, '['.repeat(30_000) + ']'.repeat(30_000));
    encoding.writeVarUint(e, 0); // no deletions
    const deepValue = (depth: number): unknown => (depth === 0 ? 'x' : [deepValue(depth - 1)]);
    const cases: Array<[string, Uint8Array]> = [
      ['legacy JSON content nested 30,000 deep', encoding.toUint8Array(e)],
      ['a plain value nested 20 deep', updateOf((doc) => doc.getMap('zz').set('k', deepValue(20)))],
    ];
    for (const [label, update] of cases) {
      const { seeded, code } = await attack([updateFrame(update)]);
      expect(code, label).toBe(CloseCode.BadMessage);
      await expectNoHarm(seeded, label);
    }
  });

  it('keeps a burst of updates read at once under MAX_DOC_BYTES as well, closing with 4413', async () => {
    const seeded = await seededRoom(server());
    const client = await RawDocClient.open(docUrl(server(), seeded.name, seeded.room.token('a')));
    const chunk = (n: number) => updateOf((doc) => doc.getMap('blobs').set(`chunk${n}`, String(n).repeat(DOC_CAP / 3)));
    // In one write, so that the server reads them in one turn, before any is committed.
    const frames = [1, 2, 3, 4, 5].map((n) => websocketFrame(updateFrame(chunk(n))));
    (client.ws as unknown as { _socket: { write(b: Buffer): void } })._socket.write(Buffer.concat(frames));
    expect((await client.waitForClose()).code).toBe(CloseCode.TooLarge);
    const stored = await viewDoc(server(), seeded.name, seeded.room.token('observer'));
    expect(stored.answerBytes).toBeLessThanOrEqual(DOC_CAP);
  });

  it('refuses structs that name themselves as their origin or parent with 4400, changing nothing', async () => {
    const cases: Array<[string, () => Uint8Array]> = [
      [
        'a left origin',
        () => ((c) => handUpdate([{ client: c, clock: 0, structs: [stringWithOrigin(c, 0)] }]))(freshClient()),
      ],
      [
        'a right origin',
        () => ((c) => handUpdate([{ client: c, clock: 0, structs: [stringWithOrigin(c, 0, true)] }]))(freshClient()),
      ],
      ['a parent', () => ((c) => handUpdate([{ client: c, clock: 0, structs: [mapUnderItem(c, 0)] }]))(freshClient())],
      [
        'a later struct as its parent',
        () =>
          ((c) => handUpdate([{ client: c, clock: 0, structs: [mapUnderItem(c, 1), mapUnderItem(c, 0)] }]))(
            freshClient(),
          ),
      ],
    ];
    for (const [label, make] of cases) {
      const update = make();
      expect(() => Y.decodeUpdate(update), `${label}: the update is well-formed`).not.toThrow();
      const { seeded, code } = await attack([updateFrame(update)]);
      expect(code, `a struct that is its own ${label}`).toBe(CloseCode.BadMessage);
      await expectNoHarm(seeded, `a struct that is its own ${label}`);
    }
  });

  it('keeps structs that depend on each other (and so can never be integrated) from anyone else, changing nothing', async () => {
    const [x, y] = [freshClient(), freshClient()];
    const cycle = handUpdate([
      { client: x, clock: 0, structs: [mapUnderItem(y, 0)] },
      { client: y, clock: 0, structs: [mapUnderItem(x, 0)] },
    ]);
    const seeded = await seededRoom(server());
    const client = await RawDocClient.open(docUrl(server(), seeded.name, seeded.room.token('a')));
    client.send(updateFrame(cycle));
    // Either refused (4400) or answered; what matters is that nobody is shown it.
    await settle(client);
    if (client.closeInfo) expect(client.closeInfo.code).toBe(CloseCode.BadMessage);
    await expectNoHarm(seeded, 'a cycle of structs');
  });

  it(`does not pile up updates that can never be integrated beyond MAX_DOC_BYTES (${DOC_CAP})`, async () => {
    const updates = updatesMissingTheirStart(10, 100 * 1024);
    const seeded = await seededRoom(server());
    const client = await RawDocClient.open(docUrl(server(), seeded.name, seeded.room.token('a')));
    for (const update of updates) client.send(updateFrame(update));
    await settle(client);
    // Either the connection went at the cap (4413), or nothing it sent was kept: in no
    // case does the document hold ten times its cap of content nobody can use. (Whether
    // what is held may be shown to others is the business of the test above.)
    const what = `${updates.length} updates of 100 KiB that can never be integrated`;
    if (client.closeInfo) {
      expect(client.closeInfo.code).toBe(CloseCode.TooLarge);
      const after = await viewDoc(server(), seeded.name, seeded.room.token('observer'));
      expect(after.pendingBytes, `${what}: bytes the document holds`).toBeLessThanOrEqual(DOC_CAP);
      expectSameView({ ...after, pendingBytes: 0 }, seeded.before, what);
      await expectServerStillServes(server());
    } else {
      await expectNoHarm(seeded, what);
    }
  });

  it('stores structs whose parents or origins are not what they claim exactly as it holds them', async () => {
    // Yjs integrates these (a string item as a parent, an origin inside another item):
    // whatever the server keeps in memory must be what it stores, or a restart changes the room.
    const own = await startServer({ env: { ROOMS_PER_HOUR_PER_ADDRESS: '100000' } });
    const seeded = await seededRoom(own);
    const [seedClient] = [...seeded.before.stateVector.keys()];
    const c = freshClient();
    const nonsense: StructWriter[] = [
      (e) => {
        // A string item under key "k" of the item at clock 1 of the seed's client (a field value, not a type).
        encoding.writeUint8(e, CONTENT_STRING | HAS_PARENT_SUB);
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, seedClient!);
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, 'k');
        encoding.writeVarString(e, 'x');
      },
      stringWithOrigin(seedClient!, 0),
      stringWithOrigin(seedClient!, 2, true),
    ];
    const client = await RawDocClient.open(docUrl(own, seeded.name, seeded.room.token('a')));
    for (const [i, write] of nonsense.entries()) {
      if (client.isOpen) client.send(updateFrame(handUpdate([{ client: c, clock: i, structs: [write] }])));
    }
    await settle(client);
    if (client.closeInfo) expect(client.closeInfo.code).toBe(CloseCode.BadMessage);
    const live = await viewDoc(own, seeded.name, seeded.room.token('observer'));
    expect(live.decodeErrors).toEqual([]);
    expect(live.options).toContain(seeded.markerId);
    await own.kill9();
    await own.restart();
    expectSameView(await viewDoc(own, seeded.name, seeded.room.token('observer')), live, 'after kill -9 and restart');
    await expectServerStillServes(own);
  });

  it('stores item fields whose values are odd JSON (no usable toString) like any other write', async () => {
    const seeded = await seededRoom(server());
    const writer = await RawDocClient.open(docUrl(server(), seeded.name, seeded.room.token('a')));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, seeded.seedUpdate);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const item = doc.getMap('options').get(seeded.markerId) as Y.Map<unknown>;
    item.set('status', { toString: 1, valueOf: 2, __proto__: { x: 1 } });
    item.set('text', { toString: 'not a function' });
    for (const u of updates) writer.send(updateFrame(u));
    await settle(writer);
    // A permitted write is accepted whatever its values; nothing downstream (the timeline) may refuse it.
    expect(writer.closeInfo, 'the writer’s connection').toBeNull();
    const after = await viewDoc(server(), seeded.name, seeded.room.token('observer'));
    expect(after.stateVector.get(doc.clientID)).toBe(Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID));
    await expectServerStillServes(server());
  });
});

describe('deep nesting', () => {
  const DEPTH = 5000;

  it(`stores ${DEPTH} nested maps and serves the room again after a restart`, async () => {
    const own = await startServer({ env: { ROOMS_PER_HOUR_PER_ADDRESS: '100000' } });
    const seeded = await seededRoom(own);
    const { key, update } = nestedMaps(DEPTH);
    const client = await RawDocClient.open(docUrl(own, seeded.name, seeded.room.token('a')));
    client.send(updateFrame(update));
    await settle(client);
    // Accepting or refusing a deep structure are both fine; losing the room is not.
    if (client.closeInfo) expect([CloseCode.BadMessage, CloseCode.TooLarge]).toContain(client.closeInfo.code);
    client.terminate();
    const accepted = client.closeInfo === null;
    expect(await own.stop()).toEqual({ code: 0, signal: null });
    await own.restart();
    const view = await viewDoc(own, seeded.name, seeded.room.token('observer'));
    expect(view.decodeErrors).toEqual([]);
    expect(view.options).toContain(seeded.markerId);
    if (accepted) expect(view.options).toContain(key);
    await expectServerStillServes(own);
  });

  it(`keeps a room loadable when a client deletes ${DEPTH} nested maps at once`, async () => {
    const own = await startServer({ env: { ROOMS_PER_HOUR_PER_ADDRESS: '100000' } });
    const seeded = await seededRoom(own);
    const nest = nestedMaps(DEPTH);
    const client = await RawDocClient.open(docUrl(own, seeded.name, seeded.room.token('a')));
    client.send(updateFrame(nest.update));
    await settle(client);
    if (client.isOpen) client.send(updateFrame(deleteUpdate(nest.client, 0)));
    await settle(client);
    if (client.closeInfo) expect([CloseCode.BadMessage, CloseCode.TooLarge]).toContain(client.closeInfo.code);
    client.terminate();

    // Live, and after a graceful restart (which compacts): the room loads, decodes
    // without blowing a client's stack, and still has what was written before.
    const problems: string[] = [];
    const check = async (when: string) => {
      try {
        const view = await viewDoc(own, seeded.name, seeded.room.token('observer'));
        if (view.decodeErrors.length)
          problems.push(`${when}: a client cannot apply it: ${view.decodeErrors.join('; ')}`);
        if (!view.options.includes(seeded.markerId)) problems.push(`${when}: the option written before is gone`);
      } catch (error) {
        problems.push(`${when}: ${(error as Error).message}`);
      }
    };
    await check('served live');
    expect(await own.stop()).toEqual({ code: 0, signal: null });
    await own.restart();
    await check('served after a restart');
    expect(problems).toEqual([]);
    await expectServerStillServes(own);
  });
});

describe('size and rate caps', () => {
  it.each([
    ['one byte over', FRAME_CAP + 1],
    ['half as much again as', Math.floor(FRAME_CAP * 1.5)],
  ])(`closes a connection that sends a frame %s MAX_FRAME_BYTES (${FRAME_CAP}) with 4413`, async (label, size) => {
    const frame = updateFrame(updateOf((doc) => doc.getMap('blobs').set('big', 'b'.repeat(size))));
    expect(frame.length).toBeGreaterThan(FRAME_CAP);
    const { seeded, code } = await attack([frame]);
    expect(code, label).toBe(CloseCode.TooLarge);
    await expectNoHarm(seeded, `a frame ${label} the cap`);
  });

  it('closes a connection that sends a frame many times over the cap before buffering it (4413, or 1009 from the WebSocket layer)', async () => {
    const frame = new Uint8Array(8 * FRAME_CAP).fill(1);
    const { seeded, code } = await attack([frame]);
    expect([CloseCode.TooLarge, 1009]).toContain(code);
    await expectNoHarm(seeded, 'a frame eight times the cap');
  });

  it(`closes only the connection that floods over MAX_MESSAGES_PER_SECOND (${RATE}) with 4429`, async () => {
    const seeded = await seededRoom(server());
    const token = seeded.room.token('a');
    // The same person's other connection to the same doc, and another person's provider.
    const sibling = await RawDocClient.open(docUrl(server(), seeded.name, token));
    const bob = await syncedDoc(server(), seeded.name, seeded.room.token('b'));
    const flooder = await RawDocClient.open(docUrl(server(), seeded.name, token));
    for (let i = 0; i < 1000; i++) flooder.send(syncStep1Frame());
    expect((await flooder.waitForClose()).code).toBe(CloseCode.TooManyMessages);

    expect(sibling.isOpen, 'the same person’s other connection').toBe(true);
    expect(bob.provider.wsconnected, 'another person in the room').toBe(true);
    const { id, update } = optionUpdate('after the flood');
    sibling.send(updateFrame(update));
    await sibling.roundTrip();
    await waitFor(() => bob.doc.getMap('options').has(id), 'a write after the flood to reach the other side');
    expect(bob.closes).toEqual([]);
    await expectServerStillServes(server());
  });
});
