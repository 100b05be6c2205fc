import { CloseCode, newId, optionSchema, addItem } from '@parley/shared';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  closedWith,
  decodeStrictly,
  docUrl,
  MESSAGE_SYNC,
  randomBytes,
  RawDocClient,
  seededRandom,
  setupRoom,
  startServer,
  syncedDoc,
  syncStep1Frame,
  updateFrame,
  updateOf,
  useServer,
  waitForDocs,
} from '../helpers/index.js';

/**
 * A bad frame costs its sender the connection and nothing else: the room, other rooms
 * and the process go on.
 */

const FRAME_CAP = 64 * 1024;
const DOC_CAP = 100 * 1024;

const server = useServer({
  env: { MAX_FRAME_BYTES: String(FRAME_CAP), MAX_DOC_BYTES: String(DOC_CAP), ROOMS_PER_HOUR_PER_ADDRESS: '10000' },
});

/** A fresh room where side A writes and side B sees it: the server still does its job. */
async function expectServerStillServes(): Promise<void> {
  const room = await setupRoom(server(), { mediated: false });
  const name = room.doc({ kind: 'joint' });
  const [alice, bob] = await Promise.all([
    syncedDoc(server(), name, room.token('a')),
    syncedDoc(server(), name, room.token('b')),
  ]);
  const { id } = addItem(alice.doc, 'options', optionSchema, {
    id: newId(),
    text: 'still here',
    serves: [],
    createdAt: 1,
  });
  await waitForDocs(
    [alice, bob],
    (doc) => doc.getMap('options').has(id),
    'a write in another room to reach the other side',
  );
}

/** `[messageSync, update, <length>, ...garbage]`: a well-framed update whose content is noise. */
function randomUpdateFrame(seed: number): Uint8Array {
  const garbage = randomBytes(seededRandom(seed), 64);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, garbage);
  return encoding.toUint8Array(encoder);
}

function textUpdate(bytes: number): Uint8Array {
  return updateOf((doc) => doc.getMap('blobs').set(newId(), 'x'.repeat(bytes)));
}

describe('malformed frames', () => {
  const contentDoc = new Y.Doc();
  contentDoc.getMap('options').set('o1', 'some state so the state vector is not empty');
  const cases: Array<[string, Uint8Array]> = [
    ['an empty frame', new Uint8Array(0)],
    ['an update of random bytes', randomUpdateFrame(7)],
    ['random bytes', randomBytes(seededRandom(11), 48).map((b, i) => (i === 0 ? 0 : b))],
    ['a truncated sync step 1', syncStep1Frame(contentDoc).slice(0, -2)],
    [
      'a truncated update',
      updateFrame(updateOf((doc) => doc.getMap('options').set('o2', 'a long enough value'))).slice(0, 12),
    ],
    ['an unknown sync message type', Uint8Array.of(MESSAGE_SYNC, 9, 0)],
  ];

  it.each(cases)('closes the connection that sent %s with 4400, and the server goes on', async (_label, frame) => {
    expect(() => decodeStrictly(frame), 'the frame is malformed').toThrow();
    const room = await setupRoom(server(), { mediated: false });
    const name = room.doc({ kind: 'joint' });
    const neighbour = await syncedDoc(server(), name, room.token('b'));
    const closed = await closedWith(docUrl(server(), name, room.token('a')), [frame]);
    expect(closed).toMatchObject({ code: CloseCode.BadMessage });
    expect(neighbour.provider.wsconnected).toBe(true);
    await expectServerStillServes();
  });
});

describe('document names', () => {
  const names: Array<[string, (roomId: string) => string]> = [
    ['an unknown kind of doc', (r) => `${r}/notes`],
    ['a third side', (r) => `${r}/side/c`],
    ['a side doc without a side', (r) => `${r}/side`],
    ['a private doc without a side', (r) => `${r}/private`],
    ['an extra path segment', (r) => `${r}/joint/extra`],
    ['a bare room id', (r) => r],
    ['a room id with forbidden characters', () => 'bad!room.id/joint'],
    ['a room id that is too short', () => 'abc/joint'],
  ];

  it.each(names)('closes a connection to %s with 4404', async (_label, make) => {
    const room = await setupRoom(server(), { mediated: true });
    const closed = await closedWith(docUrl(server(), make(room.roomId), room.token('mediator')));
    expect(closed).toMatchObject({ code: CloseCode.NotFound });
    expect(closed.seen.store.clients.size).toBe(0);
  });
});

describe('size caps', () => {
  it(`closes a connection that sends a frame over MAX_FRAME_BYTES (${FRAME_CAP}) with 4413 and keeps none of it`, async () => {
    const room = await setupRoom(server(), { mediated: false });
    const name = room.doc({ kind: 'joint' });
    const update = textUpdate(FRAME_CAP + 1024);
    const closed = await closedWith(docUrl(server(), name, room.token('a')), [updateFrame(update)]);
    expect(closed).toMatchObject({ code: CloseCode.TooLarge });
    const fresh = await syncedDoc(server(), name, room.token('b'));
    expect(fresh.doc.getMap('blobs').size).toBe(0);
    await expectServerStillServes();
  });

  it('accepts a frame just under the cap', async () => {
    const room = await setupRoom(server(), { mediated: false });
    const name = room.doc({ kind: 'joint' });
    const client = await RawDocClient.open(docUrl(server(), name, room.token('a')));
    client.send(updateFrame(textUpdate(FRAME_CAP - 1024)));
    await client.roundTrip();
    expect(client.isOpen).toBe(true);
    expect(client.seen.getMap('blobs').size).toBe(1);
  });

  it(`closes a connection whose update would grow the doc over MAX_DOC_BYTES (${DOC_CAP}) with 4413`, async () => {
    const room = await setupRoom(server(), { mediated: false });
    const name = room.doc({ kind: 'joint' });
    const client = await RawDocClient.open(docUrl(server(), name, room.token('a')));
    const chunk = 40 * 1024;
    client.send(updateFrame(textUpdate(chunk)));
    client.send(updateFrame(textUpdate(chunk)));
    await client.roundTrip();
    expect(client.seen.getMap('blobs').size).toBe(2);
    client.send(updateFrame(textUpdate(chunk)));
    expect(await client.waitForClose()).toMatchObject({ code: CloseCode.TooLarge });
    const fresh = await syncedDoc(server(), name, room.token('b'));
    expect(fresh.doc.getMap('blobs').size).toBe(2);
  });
});

describe('message rate', () => {
  it('closes a connection that floods messages with 4429, and the room goes on', async () => {
    const limited = await startServer({ env: { MAX_MESSAGES_PER_SECOND: '20' } });
    const room = await setupRoom(limited, { mediated: false });
    const name = room.doc({ kind: 'joint' });
    const calm = await syncedDoc(limited, name, room.token('b'));
    const flood = Array.from({ length: 500 }, () => syncStep1Frame());
    const closed = await closedWith(docUrl(limited, name, room.token('a')), flood);
    expect(closed).toMatchObject({ code: CloseCode.TooManyMessages });
    expect(calm.provider.wsconnected).toBe(true);
    await syncedDoc(limited, name, room.token('a'));
  });
});
