import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ErrorCode, PULSE_BANK, type PulseState, type PulseView } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import {
  connectControl,
  createRoom,
  emitAck,
  joinAndListen,
  listenAs,
  startServer,
  useServer,
  waitFor,
  type Listener,
  type TestServer,
} from '../helpers/index.js';

const server = useServer({ env: { ROOMS_PER_HOUR_PER_ADDRESS: '10000' } });

/** A person in a room, with every `pulse:state` their control socket received. */
type Person = Listener<'pulse:state'>;

interface Room {
  roomId: string;
  mediator: Person | null;
  sides: Person[];
  observer: Person;
  everyone: Person[];
  /** Reconnects everyone (after a restart), keeping their member tokens. */
  reconnect(server: TestServer): Promise<void>;
}

const connect = (server: TestServer, person: Person) => listenAs(server, person, 'pulse:state');

/** A room with `sidesA` members on side a and `sidesB` on side b, an observer, and a mediator when mediated. */
async function openRoom(server: TestServer, { mediated = true, sidesA = 2, sidesB = 2 } = {}): Promise<Room> {
  const created = await createRoom(server, { mediated });
  const seat = (invite: string, name: string) => joinAndListen(server, invite, name, 'pulse:state');
  const mediator = created.invites.mediator ? await seat(created.invites.mediator.token, 'Morgan') : null;
  const sides: Person[] = [];
  for (let i = 0; i < sidesA; i++) sides.push(await seat(created.invites.a.token, `Alice${i}`));
  for (let i = 0; i < sidesB; i++) sides.push(await seat(created.invites.b.token, `Bob${i}`));
  const observer = await seat(created.invites.observer.token, 'Olive');
  const room: Room = {
    roomId: created.roomId,
    mediator,
    sides,
    observer,
    everyone: [...(mediator ? [mediator] : []), ...sides, observer],
    async reconnect(next) {
      const again = async (p: Person) => {
        const fresh = await connect(next, p);
        Object.assign(p, { socket: fresh.socket, received: fresh.received });
      };
      await Promise.all(room.everyone.map(again));
    },
  };
  return room;
}

function facilitator(room: Room): Person {
  return room.mediator ?? room.sides[0]!;
}

async function startPulse(room: Room, payload: object = {}): Promise<PulseView> {
  const ack = await emitAck(facilitator(room).socket, 'pulse:start', payload);
  if (!ack.ok) throw new Error(`pulse:start refused: ${JSON.stringify(ack.error)}`);
  return ack.pulse;
}

function ratingsOf(pulse: PulseView, values: number[]): Record<string, number> {
  return Object.fromEntries(pulse.statementIds.map((id, i) => [id, values[i % values.length]!]));
}

async function answer(person: Person, pulse: PulseView, values: number[]): Promise<void> {
  const ack = await emitAck(person.socket, 'pulse:answer', {
    pulseId: pulse.pulseId,
    ratings: ratingsOf(pulse, values),
  });
  if (!ack.ok) throw new Error(`${person.name}'s answer was refused: ${JSON.stringify(ack.error)}`);
}

async function stateOf(person: Person): Promise<PulseState> {
  const ack = await emitAck(person.socket, 'pulse:get', {});
  if (!ack.ok) throw new Error(`pulse:get refused: ${JSON.stringify(ack.error)}`);
  return ack.state;
}

function closedPulse(state: PulseState, pulseId: string): PulseView {
  const found = state.history.find((p) => p.pulseId === pulseId);
  if (!found) throw new Error(`pulse ${pulseId} is not in the history`);
  return found;
}

function expectRefused(ack: { ok: boolean; error?: { code: string } }, code: string): void {
  expect(ack.ok).toBe(false);
  expect(ack.error?.code).toBe(code);
}

describe('starting a pulse', () => {
  it('lets the mediator start a pulse of statements from the bank, seen by everyone as 0 of n answered', async () => {
    const room = await openRoom(server());
    const pulse = await startPulse(room);
    expect(pulse.status).toBe('open');
    expect(pulse.statementIds.length).toBeGreaterThanOrEqual(1);
    expect(pulse.statementIds.length).toBeLessThanOrEqual(3);
    for (const id of pulse.statementIds) expect(PULSE_BANK.some((s) => s.id === id)).toBe(true);
    const constructs = pulse.statementIds.map((id) => PULSE_BANK.find((s) => s.id === id)!.construct);
    expect(new Set(constructs).size).toBe(constructs.length);
    expect(pulse).toMatchObject({ answered: 0, eligible: 4 });
    expect(pulse.closesAt - pulse.openedAt).toBe(90_000);
    for (const person of room.everyone) {
      await waitFor(
        () => person.received.some((s) => s.open?.pulseId === pulse.pulseId),
        `${person.name} to see the pulse`,
      );
    }
  });

  it('refuses a second pulse while one is open, and sides and observers in a mediated room', async () => {
    const room = await openRoom(server());
    await startPulse(room);
    expectRefused(await emitAck(room.mediator!.socket, 'pulse:start', {}), ErrorCode.Conflict);
    expectRefused(await emitAck(room.sides[0]!.socket, 'pulse:start', {}), ErrorCode.Forbidden);
    expectRefused(await emitAck(room.observer.socket, 'pulse:start', {}), ErrorCode.Forbidden);
    expectRefused(await emitAck(room.sides[0]!.socket, 'pulse:schedule', { everyMinutes: 5 }), ErrorCode.Forbidden);
    expectRefused(await emitAck(room.observer.socket, 'pulse:settings', { minAnswers: 4 }), ErrorCode.Forbidden);
  });

  it('lets either side run pulses in a room without a mediator', async () => {
    const room = await openRoom(server(), { mediated: false, sidesA: 1, sidesB: 1 });
    const first = await startPulse(room, { statementIds: ['voice-1'], windowSec: 30 });
    expect(first.statementIds).toEqual(['voice-1']);
    const closed = await emitAck(room.sides[1]!.socket, 'pulse:close', { pulseId: first.pulseId });
    expect(closed.ok).toBe(true);
    expectRefused(await emitAck(room.observer.socket, 'pulse:start', {}), ErrorCode.Forbidden);
  });

  it('varies the statements of consecutive pulses', async () => {
    const room = await openRoom(server(), { sidesA: 1, sidesB: 1 });
    const first = await startPulse(room);
    await emitAck(room.mediator!.socket, 'pulse:close', { pulseId: first.pulseId });
    const second = await startPulse(room);
    expect(second.statementIds.filter((id) => first.statementIds.includes(id))).toEqual([]);
  });

  it('refuses statements outside the bank and repeated statements', async () => {
    const room = await openRoom(server(), { sidesA: 1, sidesB: 1 });
    const socket = room.mediator!.socket;
    expectRefused(await emitAck(socket, 'pulse:start', { statementIds: ['made-up'] }), ErrorCode.BadRequest);
    expectRefused(await emitAck(socket, 'pulse:start', { statementIds: ['voice-1', 'voice-1'] }), ErrorCode.BadRequest);
    expectRefused(
      await emitAck(socket, 'pulse:start', { statementIds: ['voice-1', 'heard-1', 'risk-1', 'risk-2'] }),
      ErrorCode.BadRequest,
    );
    expect((await stateOf(room.mediator!)).open).toBeNull();
  });
});

describe('answering', () => {
  it('takes one answer per person and refuses a second with already_answered', async () => {
    const room = await openRoom(server());
    const pulse = await startPulse(room);
    const alice = room.sides[0]!;
    await answer(alice, pulse, [4]);
    expectRefused(
      await emitAck(alice.socket, 'pulse:answer', { pulseId: pulse.pulseId, ratings: ratingsOf(pulse, [1]) }),
      ErrorCode.AlreadyAnswered,
    );
    // A second tab of the same member is the same person.
    const secondTab = await connectControl(server(), alice.token);
    expectRefused(
      await emitAck(secondTab, 'pulse:answer', { pulseId: pulse.pulseId, ratings: ratingsOf(pulse, [1]) }),
      ErrorCode.AlreadyAnswered,
    );
    const state = await stateOf(alice);
    expect(state.open).toMatchObject({ answered: 1, eligible: 4, youAnswered: true });
    expect((await stateOf(room.sides[1]!)).open?.youAnswered).toBe(false);
  });

  it('counts every guest of one invite as one person: one eligible, one answer', async () => {
    const created = await createRoom(server(), { mediated: true });
    const mediator = await joinAndListen(server(), created.invites.mediator!.token, 'Morgan', 'pulse:state');
    const bob = await joinAndListen(server(), created.invites.b.token, 'Bob', 'pulse:state');
    // Five connections made with side a's bare invite token: one anonymous "Guest" of side a.
    const guests = await Promise.all(
      Array.from({ length: 5 }, () => connectControl(server(), created.invites.a.token)),
    );
    const hello = await emitAck(guests[0]!, 'room:hello', {});
    if (!hello.ok) throw new Error('room:hello refused');
    expect(hello.members.filter((m) => m.memberId.startsWith('guest-'))).toHaveLength(1);
    const ack = await emitAck(mediator.socket, 'pulse:start', {});
    if (!ack.ok) throw new Error(`pulse:start refused: ${JSON.stringify(ack.error)}`);
    expect(ack.pulse.eligible).toBe(2);
    const ratings = ratingsOf(ack.pulse, [1]);
    expect((await emitAck(guests[0]!, 'pulse:answer', { pulseId: ack.pulse.pulseId, ratings })).ok).toBe(true);
    for (const guest of guests.slice(1)) {
      expectRefused(
        await emitAck(guest, 'pulse:answer', { pulseId: ack.pulse.pulseId, ratings }),
        ErrorCode.AlreadyAnswered,
      );
    }
    expect((await stateOf(bob)).open).toMatchObject({ answered: 1, eligible: 2 });
    for (const guest of guests) guest.disconnect();
  });

  it('refuses answers from observers and the mediator', async () => {
    const room = await openRoom(server());
    const pulse = await startPulse(room);
    for (const person of [room.mediator!, room.observer]) {
      const ack = await emitAck(person.socket, 'pulse:answer', {
        pulseId: pulse.pulseId,
        ratings: ratingsOf(pulse, [5]),
      });
      expectRefused(ack, ErrorCode.Forbidden);
    }
    expect((await stateOf(room.mediator!)).open).toMatchObject({ answered: 0 });
  });

  it('refuses out-of-range values and foreign or missing statements, changing nothing', async () => {
    const room = await openRoom(server(), { sidesA: 1, sidesB: 1 });
    await emitAck(room.mediator!.socket, 'pulse:settings', { minAnswers: 2 });
    const pulse = await startPulse(room, { statementIds: ['voice-1', 'fairness-1'] });
    const alice = room.sides[0]!;
    const bad: unknown[] = [
      { 'voice-1': 0, 'fairness-1': 3 },
      { 'voice-1': 6, 'fairness-1': 3 },
      { 'voice-1': 2.5, 'fairness-1': 3 },
      { 'voice-1': '3', 'fairness-1': 3 },
      { 'voice-1': -1, 'fairness-1': 3 },
      { 'voice-1': 3 },
      { 'voice-1': 3, 'fairness-1': 3, 'risk-1': 3 },
      { 'voice-1': 3, 'made-up': 3 },
      {},
      [3, 3],
      null,
    ];
    for (const ratings of bad) {
      expectRefused(
        await emitAck(alice.socket, 'pulse:answer', { pulseId: pulse.pulseId, ratings }),
        ErrorCode.BadRequest,
      );
    }
    expectRefused(
      await emitAck(alice.socket, 'pulse:answer', { pulseId: 'nope', ratings: ratingsOf(pulse, [3]) }),
      ErrorCode.PulseNotOpen,
    );
    expect((await stateOf(alice)).open).toMatchObject({ answered: 0, youAnswered: false });

    await answer(alice, pulse, [2, 5]);
    await answer(room.sides[1]!, pulse, [4, 5]);
    const result = closedPulse(await stateOf(alice), pulse.pulseId).result;
    expect(result).toEqual({
      released: true,
      answers: 2,
      statements: [
        { statementId: 'voice-1', mean: 3, counts: [0, 1, 0, 1, 0] },
        { statementId: 'fairness-1', mean: 5, counts: [0, 0, 0, 0, 2] },
      ],
    });
  });

  it('refuses an answer to a pulse that has closed', async () => {
    const room = await openRoom(server());
    const pulse = await startPulse(room);
    await emitAck(room.mediator!.socket, 'pulse:close', { pulseId: pulse.pulseId });
    expectRefused(
      await emitAck(room.sides[0]!.socket, 'pulse:answer', { pulseId: pulse.pulseId, ratings: ratingsOf(pulse, [3]) }),
      ErrorCode.PulseNotOpen,
    );
  });
});

describe('results', () => {
  it('never shows values while a pulse is open, only how many answered', async () => {
    const room = await openRoom(server(), { sidesA: 3, sidesB: 2 });
    const pulse = await startPulse(room);
    for (const [i, person] of room.sides.slice(0, 4).entries()) await answer(person, pulse, [i + 1, 5 - i]);
    // Every state anyone received so far was sent while the pulse was open.
    for (const person of room.everyone) {
      await waitFor(() => person.received.some((s) => s.open?.answered === 4), `${person.name} to see 4 answers`);
    }
    const received = room.everyone.flatMap((p) => p.received);
    for (const state of received) {
      expect(state.open?.pulseId).toBe(pulse.pulseId);
      expect(state.open).not.toHaveProperty('result');
      expect(Object.keys(state.open!).sort()).toEqual(
        expect.arrayContaining(['pulseId', 'statementIds', 'openedAt', 'closesAt', 'status', 'answered', 'eligible']),
      );
      expect(JSON.stringify(state)).not.toMatch(/counts|mean|ratings|"side"|memberId/);
    }
    const answeredSeen = room.sides[0]!.received.map((s) => s.open!.answered);
    expect(answeredSeen).toEqual([0, 1, 2, 3, 4]);
    expect(received.every((s) => s.open!.eligible === 5)).toBe(true);
  });

  it('closes by itself once every side member has answered, and releases means and distributions', async () => {
    const room = await openRoom(server());
    const pulse = await startPulse(room, { statementIds: ['heard-1', 'risk-2'] });
    const values = [
      [5, 1],
      [4, 3],
      [4, 3],
      [2, 3],
    ];
    for (const [i, person] of room.sides.entries()) await answer(person, pulse, values[i]!);
    const state = await stateOf(room.observer);
    expect(state.open).toBeNull();
    const closed = closedPulse(state, pulse.pulseId);
    expect(closed).toMatchObject({ status: 'closed', answered: 4, eligible: 4 });
    expect(closed.result).toEqual({
      released: true,
      answers: 4,
      statements: [
        { statementId: 'heard-1', mean: 3.75, counts: [0, 1, 0, 2, 1] },
        { statementId: 'risk-2', mean: 2.5, counts: [1, 0, 3, 0, 0] },
      ],
    });
    for (const person of room.everyone) {
      await waitFor(
        () => person.received.some((s) => s.history.some((p) => p.pulseId === pulse.pulseId)),
        `${person.name} to receive the result`,
      );
    }
  });

  it('releases a result with exactly the minimum number of answers', async () => {
    const room = await openRoom(server());
    const pulse = await startPulse(room, { statementIds: ['followThrough-1'] });
    for (const [i, person] of room.sides.slice(0, 3).entries()) await answer(person, pulse, [i + 3]);
    const ack = await emitAck(room.mediator!.socket, 'pulse:close', { pulseId: pulse.pulseId });
    expect(ack.ok && ack.pulse.result).toEqual({
      released: true,
      answers: 3,
      statements: [{ statementId: 'followThrough-1', mean: 4, counts: [0, 0, 1, 1, 1] }],
    });
  });

  it('withholds a result below the minimum, saying why, and keeps no counts of it', async () => {
    const room = await openRoom(server());
    const pulse = await startPulse(room);
    await answer(room.sides[0]!, pulse, [1]);
    await answer(room.sides[2]!, pulse, [5]);
    const ack = await emitAck(room.mediator!.socket, 'pulse:close', { pulseId: pulse.pulseId });
    expect(ack.ok && ack.pulse.result).toEqual({ released: false, answers: 2, reason: 'below_minimum' });
    for (const person of room.everyone) {
      const seen = await stateOf(person);
      expect(JSON.stringify(closedPulse(seen, pulse.pulseId))).not.toMatch(/counts|mean/);
    }
    const db = new Database(path.join(server().dataDir, 'pulses.sqlite'), { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM pulse_counts WHERE pulse_id = ?').get(pulse.pulseId)).toEqual({
        n: 0,
      });
    } finally {
      db.close();
    }
  });

  it('never lets the minimum go below two', async () => {
    const room = await openRoom(server(), { sidesA: 1, sidesB: 1 });
    expect((await stateOf(room.observer)).minAnswers).toBe(3);
    for (const minAnswers of [1, 0, -3, 2.5, '2']) {
      expectRefused(await emitAck(room.mediator!.socket, 'pulse:settings', { minAnswers }), ErrorCode.BadRequest);
    }
    expect((await stateOf(room.observer)).minAnswers).toBe(3);
    const ack = await emitAck(room.mediator!.socket, 'pulse:settings', { minAnswers: 2 });
    expect(ack.ok && ack.state.minAnswers).toBe(2);
    await waitFor(() => room.observer.received.some((s) => s.minAnswers === 2), 'the observer to see the new minimum');
  });
});

describe('the pulses file', () => {
  it('holds nothing that links a person to a value', async () => {
    const room = await openRoom(server(), { sidesA: 2, sidesB: 2 });
    // One released pulse, one withheld, one still open with answers in it.
    const released = await startPulse(room, { statementIds: ['voice-2', 'fairness-2', 'risk-1'] });
    for (const [i, person] of room.sides.entries()) await answer(person, released, [i + 1, 5 - i, 3]);
    const withheld = await startPulse(room, { statementIds: ['heard-2'] });
    await answer(room.sides[1]!, withheld, [2]);
    await emitAck(room.mediator!.socket, 'pulse:close', { pulseId: withheld.pulseId });
    const open = await startPulse(room, { statementIds: ['followThrough-2', 'voice-1'] });
    await answer(room.sides[3]!, open, [5, 1]);
    await answer(room.sides[0]!, open, [1, 5]);

    const file = path.join(server().dataDir, 'pulses.sqlite');
    expect(existsSync(`${file}-wal`)).toBe(false);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      const tables = db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .all()
        .map((t) => t.name);
      const columns = (table: string) =>
        db
          .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
          .all()
          .map((c) => c.name);
      const memberish = /member|who|name|side|token/;
      const valueish = /value|count|rating|score|mean/;
      for (const table of tables) {
        const cols = columns(table);
        expect(cols.some((c) => memberish.test(c)) && cols.some((c) => valueish.test(c)), `${table}: ${cols}`).toBe(
          false,
        );
        expect(cols.some((c) => /_at$|time/.test(c)) && cols.some((c) => memberish.test(c)), `${table}: ${cols}`).toBe(
          false,
        );
      }
      expect(columns('pulse_counts')).toEqual(['pulse_id', 'statement_id', 'value', 'count']);
      expect(columns('pulse_answered')).toEqual(['pulse_id', 'member_key']);

      // Count rows sit in the order they were created when each pulse opened, whatever came first.
      const mine = [released, withheld, open].map((p) => p.pulseId);
      const rows = db
        .prepare<string[], { pulse_id: string; statement_id: string; value: number; kind: string }>(
          `SELECT pulse_id, statement_id, value, typeof(count) AS kind FROM pulse_counts
           WHERE pulse_id IN (?, ?, ?) ORDER BY rowid`,
        )
        .all(...mine);
      const expected = [released, open].flatMap((p) =>
        p.statementIds.flatMap((statementId) =>
          [1, 2, 3, 4, 5].map((value) => ({ pulse_id: p.pulseId, statement_id: statementId, value, kind: 'real' })),
        ),
      );
      expect(rows).toEqual(expected);

      // Who answered is kept only while a pulse is open, and never as a member id.
      const answered = db
        .prepare<string[], { pulse_id: string; member_key: string }>(
          'SELECT * FROM pulse_answered WHERE pulse_id IN (?, ?, ?)',
        )
        .all(...mine);
      expect(answered.map((a) => a.pulse_id)).toEqual([open.pulseId, open.pulseId]);
      const ids = room.everyone.map((p) => p.memberId);
      for (const row of answered) expect(ids).not.toContain(row.member_key);
    } finally {
      db.close();
    }

    const bytes = readFileSync(file);
    for (const person of room.everyone) {
      expect(bytes.includes(Buffer.from(person.memberId)), `${person.name}'s member id`).toBe(false);
      expect(bytes.includes(Buffer.from(person.name)), `${person.name}'s name`).toBe(false);
      expect(bytes.includes(Buffer.from(person.token)), `${person.name}'s token`).toBe(false);
    }
  });
});

describe('schedules and restarts', () => {
  it('fires a schedule, and keeps firing it after a restart', async () => {
    const own = await startServer({ env: { PULSE_MINUTE_MS: '400' } });
    const room = await openRoom(own, { sidesA: 1, sidesB: 1 });
    const scheduled = await emitAck(room.mediator!.socket, 'pulse:schedule', { everyMinutes: 1, windowSec: 15 });
    expect(scheduled.ok && scheduled.state.schedule).toMatchObject({ everyMinutes: 1, windowSec: 15 });
    const alice = room.sides[0]!;
    await waitFor(() => alice.received.some((s) => s.open !== null), 'the schedule to open a pulse');
    const first = alice.received.find((s) => s.open)!.open!;
    expect(first.closesAt - first.openedAt).toBe(15_000);
    await emitAck(room.mediator!.socket, 'pulse:close', { pulseId: first.pulseId });

    await own.restart();
    await room.reconnect(own);
    const after = await stateOf(alice);
    expect(after.schedule).toMatchObject({ everyMinutes: 1, windowSec: 15 });
    expect(after.history.map((p) => p.pulseId)).toContain(first.pulseId);
    await waitFor(
      () => alice.received.some((s) => s.open !== null && s.open.pulseId !== first.pulseId),
      'the schedule to open a pulse after the restart',
    );

    const stopped = await emitAck(room.mediator!.socket, 'pulse:unschedule', {});
    expect(stopped.ok && stopped.state.schedule).toBeNull();
  });

  it('keeps an open pulse and its answers across a restart', async () => {
    const own = await startServer();
    const room = await openRoom(own, { sidesA: 1, sidesB: 2 });
    await emitAck(room.mediator!.socket, 'pulse:settings', { minAnswers: 2 });
    const pulse = await startPulse(room, { statementIds: ['voice-1', 'heard-1'], windowSec: 900 });
    await answer(room.sides[0]!, pulse, [2, 4]);

    await own.restart();
    await room.reconnect(own);
    const state = await stateOf(room.sides[0]!);
    expect(state.minAnswers).toBe(2);
    expect(state.open).toMatchObject({ pulseId: pulse.pulseId, answered: 1, eligible: 3, youAnswered: true });
    expectRefused(
      await emitAck(room.sides[0]!.socket, 'pulse:answer', { pulseId: pulse.pulseId, ratings: ratingsOf(pulse, [5]) }),
      ErrorCode.AlreadyAnswered,
    );
    await answer(room.sides[1]!, pulse, [4, 4]);
    await answer(room.sides[2]!, pulse, [3, 1]);
    const result = closedPulse(await stateOf(room.observer), pulse.pulseId).result;
    expect(result).toEqual({
      released: true,
      answers: 3,
      statements: [
        { statementId: 'voice-1', mean: 3, counts: [0, 1, 1, 1, 0] },
        { statementId: 'heard-1', mean: 3, counts: [1, 0, 0, 2, 0] },
      ],
    });
  });
});
