import { CloseCode, canRead, canWrite, newId, roomScopes, type DocScope } from '@parley/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  closedWith,
  docUrl,
  principalOf,
  RawDocClient,
  setupRoom,
  syncedDoc,
  syncStep2Frame,
  updateFrame,
  updateOf,
  useServer,
  waitForDocs,
  type RoomFixture,
  type Seat,
} from '../helpers/index.js';
import { isEmptyDoc, probeFor } from '../helpers/probes.js';

/**
 * The permission table of @parley/shared, checked against the server for every seat
 * and every document of a mediated and an unmediated room. Writes are sent as raw
 * y-protocols frames, so the test controls exactly what reaches the server.
 */

const server = useServer({ env: { ROOMS_PER_HOUR_PER_ADDRESS: '10000' } });

function label(scope: DocScope): string {
  return 'side' in scope ? `R/${scope.kind}/${scope.side}` : `R/${scope.kind}`;
}

/** The first seat for which `allowed` holds; the table guarantees one for every doc. */
function seatWhere(room: RoomFixture, allowed: (seat: Seat) => boolean, preferred: Seat[]): Seat {
  const seat = preferred.find((s) => room.seats.includes(s) && allowed(s));
  if (!seat) throw new Error('no seat may do this');
  return seat;
}

for (const mediated of [true, false]) {
  describe(mediated ? 'in a mediated room' : 'in a room without a mediator', () => {
    let room: RoomFixture;
    beforeAll(async () => {
      room = await setupRoom(server(), { mediated });
    });
    const ctx = { mediated };
    const seats: Seat[] = mediated ? ['mediator', 'a', 'b', 'observer'] : ['a', 'b', 'observer'];

    for (const seat of seats) {
      for (const scope of roomScopes(mediated)) {
        const who = principalOf(seat);
        const readable = canRead(who, scope, ctx);
        const writable = canWrite(who, scope, ctx);
        const reader = (s: Seat) => canRead(principalOf(s), scope, ctx);
        const writer = (s: Seat) => canWrite(principalOf(s), scope, ctx);
        const probe = probeFor(scope);

        if (!readable) {
          it(`refuses ${seat} opening ${label(scope)} with 4403 and sends none of its content`, async () => {
            const name = room.doc(scope);
            // Content that must not leak to the refused connection.
            const owner = await RawDocClient.open(docUrl(server(), name, room.token(seatWhere(room, writer, seats))));
            owner.send(updateFrame(updateOf((doc) => probe.write(doc, newId()))));
            await owner.roundTrip();
            const closed = await closedWith(docUrl(server(), name, room.token(seat)));
            expect(closed).toMatchObject({ code: CloseCode.Forbidden });
            expect(isEmptyDoc(closed.seen)).toBe(true);
          });
          continue;
        }

        const verb = writable ? 'applies and relays' : 'never applies nor relays';
        it(`${verb} writes by ${seat} to ${label(scope)}`, async () => {
          const name = room.doc(scope);
          const watcherSeat = seatWhere(room, reader, ['observer', 'mediator', 'a', 'b']);
          const watcher = await syncedDoc(server(), name, room.token(watcherSeat));

          const viaUpdate = `u${newId()}`;
          const viaStep2 = `s${newId()}`;
          const client = await RawDocClient.open(docUrl(server(), name, room.token(seat)));
          client.send(updateFrame(updateOf((doc) => probe.write(doc, viaUpdate))));
          client.send(syncStep2Frame(updateOf((doc) => probe.write(doc, viaStep2))));
          // The answer to an empty sync step 1 is the server's whole state, after both writes.
          await client.roundTrip();
          expect(client.isOpen).toBe(true);
          expect(probe.has(client.seen, viaUpdate)).toBe(writable);
          expect(probe.has(client.seen, viaStep2)).toBe(writable);

          if (writable) {
            await waitForDocs(
              [watcher],
              (doc) => probe.has(doc, viaUpdate) && probe.has(doc, viaStep2),
              `the writes of ${seat} to reach the ${watcherSeat} watcher`,
            );
          } else {
            // A permitted write sent after the refused ones: once it arrives, anything
            // relayed before it has arrived too.
            const sentinel = `p${newId()}`;
            const permitted = await syncedDoc(server(), name, room.token(seatWhere(room, writer, seats)));
            probe.write(permitted.doc, sentinel);
            await waitForDocs(
              [permitted, watcher],
              (doc) => probe.has(doc, sentinel),
              'the permitted write to reach the watcher',
            );
            expect(probe.has(watcher.doc, viaUpdate)).toBe(false);
            expect(probe.has(watcher.doc, viaStep2)).toBe(false);
          }

          const fresh = await syncedDoc(server(), name, room.token(watcherSeat));
          expect(probe.has(fresh.doc, viaUpdate)).toBe(writable);
          expect(probe.has(fresh.doc, viaStep2)).toBe(writable);
          expect(client.isOpen).toBe(true);
        });
      }
    }
  });
}

describe('outside the table', () => {
  it('refuses everyone R/mediator in a room without a mediator', async () => {
    const room = await setupRoom(server(), { mediated: false });
    for (const seat of room.seats) {
      const closed = await closedWith(docUrl(server(), `${room.roomId}/mediator`, room.token(seat)));
      expect([CloseCode.Forbidden, CloseCode.NotFound]).toContain(closed.code);
    }
  });

  it('refuses a member of one room every document of another room and leaks none of it', async () => {
    const mine = await setupRoom(server(), { mediated: true });
    const theirs = await setupRoom(server(), { mediated: true });
    const name = theirs.doc({ kind: 'joint' });
    const owner = await syncedDoc(server(), name, theirs.token('a'));
    probeFor({ kind: 'joint' }).write(owner.doc, newId());
    for (const scope of roomScopes(true)) {
      const closed = await closedWith(docUrl(server(), theirs.doc(scope), mine.token('mediator')));
      expect([CloseCode.Unauthorized, CloseCode.Forbidden, CloseCode.NotFound]).toContain(closed.code);
      expect(isEmptyDoc(closed.seen)).toBe(true);
    }
  });

  it('refuses a document of a room that does not exist and sends nothing', async () => {
    const room = await setupRoom(server(), { mediated: true });
    const closed = await closedWith(docUrl(server(), 'Zz0123456789abcdef/joint', room.token('mediator')));
    expect([CloseCode.Unauthorized, CloseCode.Forbidden, CloseCode.NotFound]).toContain(closed.code);
    expect(isEmptyDoc(closed.seen)).toBe(true);
  });

  it('gives a bare invite token the scopes of its role', async () => {
    const room = await setupRoom(server(), { mediated: true });
    const closed = await closedWith(docUrl(server(), room.doc({ kind: 'private', side: 'b' }), room.invite('a')));
    expect(closed.code).toBe(CloseCode.Forbidden);
    const marker = newId();
    const name = room.doc({ kind: 'side', side: 'a' });
    const guest = await RawDocClient.open(docUrl(server(), name, room.invite('a')));
    guest.send(updateFrame(updateOf((doc) => probeFor({ kind: 'side', side: 'a' }).write(doc, marker))));
    await guest.roundTrip();
    expect(probeFor({ kind: 'side', side: 'a' }).has(guest.seen, marker)).toBe(true);
    const observer = await RawDocClient.open(docUrl(server(), name, room.invite('observer')));
    const forged = newId();
    observer.send(updateFrame(updateOf((doc) => probeFor({ kind: 'side', side: 'a' }).write(doc, forged))));
    await observer.roundTrip();
    expect(probeFor({ kind: 'side', side: 'a' }).has(observer.seen, forged)).toBe(false);
  });
});
