import { ErrorCode } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import {
  connectControl,
  createRoom,
  emitAck,
  join,
  joinAndListen,
  useServer,
  waitFor,
  type Listener,
  type TestServer,
} from '../helpers/index.js';

const server = useServer({ env: { ROOMS_PER_HOUR_PER_ADDRESS: '10000' } });

/** Someone in the room, with every `pause:requested` their socket received. */
type Person = Listener<'pause:requested'>;

const seat = (server: TestServer, invite: string, name: string) =>
  joinAndListen(server, invite, name, 'pause:requested');

async function openRoom(server: TestServer, mediated: boolean) {
  const created = await createRoom(server, { mediated });
  const mediator = created.invites.mediator ? await seat(server, created.invites.mediator.token, 'Morgan') : null;
  const alice = await seat(server, created.invites.a.token, 'Alice');
  const bob = await seat(server, created.invites.b.token, 'Bob');
  const observer = await seat(server, created.invites.observer.token, 'Olive');
  return { created, mediator, alice, bob, observer, everyone: [...(mediator ? [mediator] : []), alice, bob, observer] };
}

/** A round trip on each socket: whatever the server sent them before it, they have received. */
async function settle(people: Person[]): Promise<void> {
  await Promise.all(people.map((p) => emitAck(p.socket, 'room:hello', {})));
}

describe('pause requests', () => {
  it('tell the mediator that a request came and how many, never from whom', async () => {
    const room = await openRoom(server(), true);
    const mediator = room.mediator!;
    const ack = await emitAck(room.alice.socket, 'pause:request', {});
    expect(ack).toEqual({ ok: true });
    await waitFor(() => mediator.received.length === 1, 'the mediator to be told');
    const received = mediator.received[0]!;
    expect(Object.keys(received).sort()).toEqual(['count', 'lastAt']);
    expect(received.count).toBe(1);
    expect(typeof received.lastAt).toBe('number');
    const text = JSON.stringify(received);
    for (const person of room.everyone) {
      expect(text).not.toContain(person.memberId);
      expect(text).not.toContain(person.name);
    }

    await emitAck(room.bob.socket, 'pause:request', {});
    await waitFor(() => mediator.received.length === 2, 'the mediator to be told again');
    expect(mediator.received[1]!.count).toBe(2);
    const got = await emitAck(mediator.socket, 'pause:get', {});
    expect(got.ok && got.state.count).toBe(2);

    // Only facilitators hear of pause requests.
    await settle(room.everyone);
    for (const person of [room.alice, room.bob, room.observer]) expect(person.received).toEqual([]);
    for (const person of [room.alice, room.observer]) {
      const refused = await emitAck(person.socket, 'pause:get', {});
      expect(refused.ok === false && refused.error.code).toBe(ErrorCode.Forbidden);
    }
  });

  it('are refused from the mediator and observers', async () => {
    const room = await openRoom(server(), true);
    for (const person of [room.mediator!, room.observer]) {
      const ack = await emitAck(person.socket, 'pause:request', {});
      expect(ack.ok === false && ack.error.code).toBe(ErrorCode.Forbidden);
    }
    const got = await emitAck(room.mediator!.socket, 'pause:get', {});
    expect(got.ok && got.state).toEqual({ count: 0, lastAt: null });
  });

  it('are rate-limited per member, so they cannot be used to spam', async () => {
    const room = await openRoom(server(), true);
    expect((await emitAck(room.alice.socket, 'pause:request', {})).ok).toBe(true);
    for (let i = 0; i < 5; i++) {
      const again = await emitAck(room.alice.socket, 'pause:request', {});
      expect(again.ok === false && again.error.code).toBe(ErrorCode.RateLimited);
    }
    // Another tab of the same member shares the limit; another member does not.
    const secondTab = await connectControl(
      server(),
      (await join(server(), room.created.invites.a.token, 'Ann')).memberToken,
    );
    expect((await emitAck(secondTab, 'pause:request', {})).ok).toBe(true);
    expect((await emitAck(room.bob.socket, 'pause:request', {})).ok).toBe(true);
    await settle(room.everyone);
    expect(room.mediator!.received.map((p) => p.count)).toEqual([1, 2, 3]);
  });

  it('share one limit among guests on the same invite, however often they reconnect', async () => {
    const room = await openRoom(server(), true);
    const guest = await connectControl(server(), room.created.invites.b.token);
    expect((await emitAck(guest, 'pause:request', {})).ok).toBe(true);
    guest.disconnect();
    const again = await connectControl(server(), room.created.invites.b.token);
    const refused = await emitAck(again, 'pause:request', {});
    expect(refused.ok === false && refused.error.code).toBe(ErrorCode.RateLimited);
  });

  it('reach both sides in a room without a mediator, and not the observer', async () => {
    const room = await openRoom(server(), false);
    expect((await emitAck(room.bob.socket, 'pause:request', {})).ok).toBe(true);
    await waitFor(() => room.alice.received.length === 1 && room.bob.received.length === 1, 'both sides to be told');
    await settle(room.everyone);
    expect(room.observer.received).toEqual([]);
    expect(room.alice.received[0]).toEqual({ count: 1, lastAt: expect.any(Number) });
  });
});
