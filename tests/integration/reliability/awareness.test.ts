import { addItem, CloseCode, newId, optionSchema } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import {
  connectDoc,
  MESSAGE_QUERY_AWARENESS,
  setupRoom,
  useServer,
  waitFor,
  waitForDocs,
  waitForSync,
  type RoomFixture,
} from '../../helpers/index.js';
import { awarenessFrame, expectServerStillServes, JOINT, pause, rawWithAwareness, settle } from './support.js';

/**
 * Presence is the one thing clients broadcast about themselves, so it is where a client
 * would pose as someone else or drown the room: the server stamps every state with the
 * identity behind the token, keeps each connection to its own awareness ids, and cuts
 * off a connection that floods.
 */

const RATE = 20;

const server = useServer({ env: { MAX_MESSAGES_PER_SECOND: String(RATE), ROOMS_PER_HOUR_PER_ADDRESS: '100000' } });

function memberOf(room: RoomFixture, seat: 'a' | 'b' | 'observer') {
  const m = room.members[seat]!;
  return { memberId: m.memberId, name: m.name, role: m.role, ...(m.side ? { side: m.side } : {}) };
}

describe('identity in awareness', () => {
  it('rewrites a state that claims to be another person into the sender’s own identity, keeping the rest', async () => {
    const room = await setupRoom(server(), { mediated: false });
    const name = room.doc(JOINT);
    const observer = await rawWithAwareness(server(), name, room.token('observer'));
    const alice = await rawWithAwareness(server(), name, room.token('a'));
    const editing = { doc: name, collection: 'options', id: 'o1' };
    alice.client.send(
      awarenessFrame([{ clientId: 4242, clock: 1, state: { user: memberOf(room, 'b'), editing, colour: '#f00' } }]),
    );
    await waitFor(() => observer.awareness.stateOf(4242) !== null, 'the observer to see Alice’s presence');
    expect(observer.awareness.stateOf(4242)).toEqual({ user: memberOf(room, 'a'), editing, colour: '#f00' });
    await expectServerStillServes(server());
  });

  it('stamps a state without a user, and one sent over a bare invite token, with the identity behind the token', async () => {
    const room = await setupRoom(server(), { mediated: false });
    const name = room.doc(JOINT);
    const observer = await rawWithAwareness(server(), name, room.token('observer'));
    const alice = await rawWithAwareness(server(), name, room.token('a'));
    const guest = await rawWithAwareness(server(), name, room.invite('b'));
    alice.client.send(awarenessFrame([{ clientId: 100, clock: 1, state: { editing: null } }]));
    guest.client.send(
      awarenessFrame([{ clientId: 200, clock: 1, state: { user: { ...memberOf(room, 'a'), name: 'Alice' } } }]),
    );
    await waitFor(
      () => observer.awareness.stateOf(100) !== null && observer.awareness.stateOf(200) !== null,
      'the observer to see both presences',
    );
    expect(observer.awareness.stateOf(100)).toEqual({ user: memberOf(room, 'a'), editing: null });
    const stamped = observer.awareness.stateOf(200)!.user as Record<string, unknown>;
    expect(stamped).toMatchObject({ name: 'Guest', role: 'side', side: 'b' });
    expect(stamped.memberId).not.toBe(room.members.a!.memberId);
  });

  it('shows the stock provider’s presence under the real identity whatever user it claims', async () => {
    const room = await setupRoom(server(), { mediated: false });
    const name = room.doc(JOINT);
    const [alice, bob] = [connectDoc(server(), name, room.token('a')), connectDoc(server(), name, room.token('b'))];
    await Promise.all([waitForSync(alice.provider), waitForSync(bob.provider)]);
    alice.provider.awareness.setLocalState({ user: { ...memberOf(room, 'b'), name: 'The Mediator' }, editing: null });
    const aliceId = alice.doc.clientID;
    await waitFor(() => bob.provider.awareness.getStates().has(aliceId), 'Bob to see Alice’s presence');
    expect(bob.provider.awareness.getStates().get(aliceId)).toEqual({ user: memberOf(room, 'a'), editing: null });
  });
});

describe('awareness ids belong to the connection that uses them', () => {
  it('drops updates and removals one connection sends for another connection’s awareness id', async () => {
    const room = await setupRoom(server(), { mediated: false });
    const name = room.doc(JOINT);
    const observer = await rawWithAwareness(server(), name, room.token('observer'));
    const bob = await rawWithAwareness(server(), name, room.token('b'));
    const alice = await rawWithAwareness(server(), name, room.token('a'));
    const BOB = 777;
    const ALICE = 888;
    bob.client.send(awarenessFrame([{ clientId: BOB, clock: 1, state: { editing: { mine: true } } }]));
    await waitFor(() => observer.awareness.stateOf(BOB) !== null, 'the observer to see Bob');

    // Alice overwrites Bob's id with a newer clock, then removes it, then (control) speaks for herself.
    alice.client.send(awarenessFrame([{ clientId: BOB, clock: 50, state: { editing: { hijacked: true } } }]));
    alice.client.send(awarenessFrame([{ clientId: BOB, clock: 51, state: null }]));
    alice.client.send(awarenessFrame([{ clientId: ALICE, clock: 1, state: { editing: null } }]));
    await waitFor(() => observer.awareness.stateOf(ALICE) !== null, 'the observer to see Alice’s own presence');
    expect(observer.awareness.stateOf(BOB)).toEqual({ user: memberOf(room, 'b'), editing: { mine: true } });
    expect(alice.client.isOpen).toBe(true);

    // Bob's own next update (clock 2, below Alice's 50) still counts: the server never took her clock.
    bob.client.send(awarenessFrame([{ clientId: BOB, clock: 2, state: { editing: { mine: 2 } } }]));
    await waitFor(
      () => JSON.stringify(observer.awareness.stateOf(BOB)?.editing) === '{"mine":2}',
      'Bob’s next update to reach the observer',
    );

    // A newcomer asking for everyone's presence sees Bob as Bob.
    const late = await rawWithAwareness(server(), name, room.token('observer'));
    late.client.send(Uint8Array.of(MESSAGE_QUERY_AWARENESS));
    await waitFor(() => late.awareness.stateOf(BOB) !== null, 'the newcomer to see Bob');
    expect(late.awareness.stateOf(BOB)).toEqual({ user: memberOf(room, 'b'), editing: { mine: 2 } });
    expect(late.awareness.stateOf(ALICE)?.user).toEqual(memberOf(room, 'a'));
    await expectServerStillServes(server());
  });

  it('removes a connection’s presence when it goes, and only its own', async () => {
    const room = await setupRoom(server(), { mediated: false });
    const name = room.doc(JOINT);
    const observer = await rawWithAwareness(server(), name, room.token('observer'));
    const bob = await rawWithAwareness(server(), name, room.token('b'));
    const alice = await rawWithAwareness(server(), name, room.token('a'));
    bob.client.send(awarenessFrame([{ clientId: 11, clock: 1, state: {} }]));
    await waitFor(() => observer.awareness.stateOf(11) !== null, 'the observer to see Bob');
    alice.client.send(awarenessFrame([{ clientId: 22, clock: 1, state: {} }]));
    // Alice also tries to speak for Bob's id, so that her leaving would take it with her.
    alice.client.send(awarenessFrame([{ clientId: 11, clock: 9, state: {} }]));
    await waitFor(
      () => observer.awareness.stateOf(11) !== null && observer.awareness.stateOf(22) !== null,
      'the observer to see both',
    );
    alice.client.ws.close();
    await waitFor(() => observer.awareness.states.get(22)?.state === null, 'Alice’s presence to be removed');
    expect(observer.awareness.stateOf(11)?.user).toEqual(memberOf(room, 'b'));
  });
});

describe('presence through a reconnect', () => {
  it.each([
    ['a dropped connection', true],
    ['a deliberate disconnect', false],
  ])(
    'shows a person again after %s, although the others’ stock providers echoed their departure',
    async (_label, drop) => {
      // When Carol's connection drops, the server tells the room she left, and every stock
      // provider echoes that back. An echo must not make its sender the owner of Carol's
      // awareness id, or Carol's own updates are dropped once she is back.
      const room = await setupRoom(server(), { mediated: false });
      const name = room.doc(JOINT);
      const bob = connectDoc(server(), name, room.token('b'));
      const carol = connectDoc(server(), name, room.token('a'));
      await Promise.all([waitForSync(bob.provider), waitForSync(carol.provider)]);
      const observer = await rawWithAwareness(server(), name, room.token('observer'));
      const carolId = carol.doc.clientID;
      carol.provider.awareness.setLocalState({ editing: null });
      await waitFor(() => bob.provider.awareness.getStates().has(carolId), 'Bob to see Carol');

      if (drop) (carol.provider.ws as unknown as { terminate(): void }).terminate();
      else carol.provider.disconnect();
      await waitFor(() => !bob.provider.awareness.getStates().has(carolId), 'Bob to see Carol leave');
      await waitFor(() => observer.awareness.states.get(carolId)?.state === null, 'the observer to see Carol leave');
      if (!drop) carol.provider.connect();
      await waitFor(() => carol.provider.synced, 'Carol to be back and synced');
      carol.provider.awareness.setLocalStateField('editing', { doc: name, collection: 'options', id: 'back' });
      await waitFor(
        () => (observer.awareness.stateOf(carolId)?.editing as { id?: string } | null)?.id === 'back',
        'the observer to see Carol again after she reconnected',
        { timeoutMs: 5000 },
      );
      expect(observer.awareness.stateOf(carolId)?.user).toEqual(memberOf(room, 'a'));
      await waitFor(() => bob.provider.awareness.getStates().has(carolId), 'Bob to see Carol again');
    },
  );
});

describe('awareness floods', () => {
  it(`closes a connection that floods awareness updates over MAX_MESSAGES_PER_SECOND (${RATE}) with 4429; its presence goes, others stay`, async () => {
    const room = await setupRoom(server(), { mediated: false });
    const name = room.doc(JOINT);
    const observer = await rawWithAwareness(server(), name, room.token('observer'));
    const bob = await rawWithAwareness(server(), name, room.token('b'));
    bob.client.send(awarenessFrame([{ clientId: 31, clock: 1, state: { editing: null } }]));
    await waitFor(() => observer.awareness.stateOf(31) !== null, 'the observer to see Bob');
    const flooder = await rawWithAwareness(server(), name, room.token('a'));
    for (let clock = 1; clock <= 500; clock++) {
      flooder.client.send(awarenessFrame([{ clientId: 32, clock, state: { editing: { n: clock } } }]));
    }
    expect((await flooder.client.waitForClose()).code).toBe(CloseCode.TooManyMessages);
    await waitFor(() => observer.awareness.states.get(32)?.state === null, 'the flooder’s presence to be removed');
    // The observer was not drowned either: it received far fewer relays than the flood sent.
    expect(observer.awareness.frames).toBeLessThan(4 * RATE);
    expect(observer.awareness.stateOf(31)?.user).toEqual(memberOf(room, 'b'));
    expect(bob.client.isOpen).toBe(true);
    await settle(bob.client);
    expect(bob.client.isOpen).toBe(true);
    await expectServerStillServes(server());
  });

  it('lets one connection speak for only a handful of awareness ids, however many one update names', async () => {
    const room = await setupRoom(server(), { mediated: false });
    const name = room.doc(JOINT);
    const observer = await rawWithAwareness(server(), name, room.token('observer'));
    const flooder = await rawWithAwareness(server(), name, room.token('a'));
    const entries = Array.from({ length: 1000 }, (_, i) => ({ clientId: 10_000 + i, clock: 1, state: { i } }));
    flooder.client.send(awarenessFrame(entries));
    // Control: a second, ordinary update from another person arrives after the flood was handled.
    const bob = await rawWithAwareness(server(), name, room.token('b'));
    await settle(flooder.client);
    bob.client.send(awarenessFrame([{ clientId: 5, clock: 1, state: {} }]));
    await waitFor(() => observer.awareness.stateOf(5) !== null, 'Bob’s presence to reach the observer');
    const fromFlooder = [...observer.awareness.states.keys()].filter((id) => id >= 10_000);
    expect(fromFlooder.length).toBeGreaterThan(0);
    expect(fromFlooder.length).toBeLessThanOrEqual(16);
    await expectServerStillServes(server());
  });

  it('keeps the stock providers of everyone else connected while one connection floods awareness', async () => {
    // The stock provider re-sends every awareness change it receives, so whatever the
    // server relays of a flood comes back from every other client in the room: the
    // flood must cost the flooder its connection and nobody else theirs.
    const room = await setupRoom(server(), { mediated: false });
    const name = room.doc(JOINT);
    const bob = connectDoc(server(), name, room.token('b'));
    await waitForSync(bob.provider);
    bob.provider.awareness.setLocalState({ editing: null });
    const observer = await rawWithAwareness(server(), name, room.token('observer'));
    await waitFor(() => observer.awareness.stateOf(bob.doc.clientID) !== null, 'the observer to see Bob');
    const flooder = await rawWithAwareness(server(), name, room.token('a'));
    for (let clock = 1; clock <= 300; clock++) {
      flooder.client.send(awarenessFrame([{ clientId: 1, clock, state: { n: clock } }]));
    }
    expect((await flooder.client.waitForClose()).code).toBe(CloseCode.TooManyMessages);

    // Control: a write Bob makes after the flood reaches the observer only if Bob is still connected.
    const { id } = addItem(bob.doc, 'options', optionSchema, { id: newId(), text: 'after', serves: [], createdAt: 1 });
    await waitForDocs([bob], () => observer.client.seen.getMap('options').has(id), 'Bob’s write after the flood');
    expect(bob.closes).toEqual([]);
    expect(observer.awareness.stateOf(bob.doc.clientID)?.user).toEqual(memberOf(room, 'b'));
  });

  it(`does not cut off people who update their presence at a normal pace in a busy room (MAX_MESSAGES_PER_SECOND ${RATE})`, async () => {
    // Eight people, each changing what they are editing five times a second: a quarter of
    // the cap each. The stock provider echoes every relayed change, so if echoes count
    // against the sender's cap, everyone is cut off within seconds.
    const room = await setupRoom(server(), { mediated: false });
    const name = room.doc(JOINT);
    const seats = ['a', 'b', 'observer', 'a', 'b', 'observer', 'a', 'b'] as const;
    const people = seats.map((seat) => connectDoc(server(), name, room.token(seat)));
    await Promise.all(people.map((p) => waitForSync(p.provider)));
    const started = Date.now();
    for (let tick = 0; Date.now() - started < 3000; tick++) {
      for (const p of people) p.provider.awareness.setLocalStateField('editing', { doc: name, tick });
      await pause(200);
      const refused = people.flatMap((p) => p.closes.filter((c) => c.code >= 4000));
      if (refused.length > 0) {
        throw new Error(
          `after ${Date.now() - started} ms, ${refused.length} of ${people.length} people were closed: ` +
            JSON.stringify(refused[0]),
        );
      }
    }
    expect(people.every((p) => p.provider.wsconnected)).toBe(true);
  });
});
