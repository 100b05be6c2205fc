import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PULSE_BANK, PULSE_CONSTRUCTS, type PauseState } from '@parley/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ParleyError } from '../errors.js';
import { createLogger } from '../log.js';
import { PulseEngine, type PulseLink } from './engine.js';
import { pickStatements } from './select.js';
import { openPulseStore } from './store.js';

const MINUTE = 1000;
const ROOM = 'room-one';
let dir: string;
let engines: PulseEngine[] = [];

function engine(link?: Partial<PulseLink>, options: { historiesCached?: number } = {}) {
  const e = new PulseEngine(openPulseStore(path.join(dir, 'pulses.sqlite')), {
    minuteMs: MINUTE,
    log: createLogger('silent'),
    now: () => Date.now(),
    ...options,
  });
  const changes: string[] = [];
  const pauses: PauseState[] = [];
  e.attach({
    sideMemberKeys: () => ['m1', 'm2', 'm3'],
    changed: (roomId) => changes.push(roomId),
    paused: (_roomId, state) => pauses.push(state),
    ...link,
  });
  engines.push(e);
  return { e, changes, pauses };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ParleyError) return error.code;
    throw error;
  }
  return undefined;
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2025-03-01T10:00:00Z') });
  dir = mkdtempSync(path.join(tmpdir(), 'parley-pulse-'));
});
afterEach(() => {
  for (const e of engines) e.stop();
  engines = [];
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe('pickStatements', () => {
  it('never repeats a construct within a pulse or between consecutive pulses', () => {
    const constructOf = (id: string) => PULSE_BANK.find((s) => s.id === id)!.construct;
    for (let k = 0; k < 40; k++) {
      const now = pickStatements(k).map(constructOf);
      const next = pickStatements(k + 1).map(constructOf);
      expect(new Set(now).size).toBe(now.length);
      expect(now.filter((c) => next.includes(c))).toEqual([]);
    }
  });

  it('goes through every statement of the bank before repeating one', () => {
    const seen = new Set<string>();
    const pulses = PULSE_BANK.length / pickStatements(0).length;
    for (let k = 0; k < pulses; k++) for (const id of pickStatements(k)) seen.add(id);
    expect(seen.size).toBe(PULSE_BANK.length);
    expect(PULSE_CONSTRUCTS.length).toBeGreaterThan(pickStatements(0).length);
  });
});

describe('PulseEngine', () => {
  it('closes a pulse at the end of its window and withholds a result below the minimum', () => {
    const { e } = engine();
    const pulse = e.start(ROOM, { windowSec: 30 }, ['m1', 'm2', 'm3']);
    e.answer(ROOM, pulse.pulseId, 'm1', Object.fromEntries(pulse.statementIds.map((id) => [id, 4])));
    vi.advanceTimersByTime(29_999);
    expect(e.state(ROOM).open?.pulseId).toBe(pulse.pulseId);
    vi.advanceTimersByTime(1);
    const state = e.state(ROOM);
    expect(state.open).toBeNull();
    expect(state.history[0]).toMatchObject({
      status: 'closed',
      closedAt: pulse.closesAt,
      result: { released: false, answers: 1, reason: 'below_minimum' },
    });
  });

  it('keeps the closed pulses of every room exactly once while only some histories stay in memory', () => {
    const { e } = engine({}, { historiesCached: 1 });
    const closeOne = (roomId: string) => {
      const pulse = e.start(roomId, { windowSec: 30 }, ['m1', 'm2', 'm3']);
      vi.advanceTimersByTime(30_000);
      return pulse.pulseId;
    };
    const a1 = closeOne('room-a');
    const b1 = closeOne('room-b');
    expect(e.state('room-b').history.map((p) => p.pulseId)).toEqual([b1]);
    const a2 = closeOne('room-a');
    expect(e.state('room-a').history.map((p) => p.pulseId)).toEqual([a1, a2]);
    const b2 = closeOne('room-b');
    expect(e.state('room-b').history.map((p) => p.pulseId)).toEqual([b1, b2]);
    expect(e.state('room-a').history.map((p) => p.pulseId)).toEqual([a1, a2]);
  });

  it('refuses an answer from someone who was not connected when the pulse opened', () => {
    const { e } = engine();
    const pulse = e.start(ROOM, { statementIds: ['voice-1'] }, ['m1', 'm2']);
    expect(codeOf(() => e.answer(ROOM, pulse.pulseId, 'late', { 'voice-1': 3 }))).toBe('forbidden');
    expect(e.state(ROOM).open).toMatchObject({ answered: 0, eligible: 2 });
  });

  it('refuses to open a pulse nobody can answer', () => {
    const { e } = engine();
    expect(codeOf(() => e.start(ROOM, {}, []))).toBe('conflict');
    expect(e.state(ROOM).open).toBeNull();
  });

  it('closes a pulse whose window ended while the server was down, as of the end of its window', () => {
    const first = engine();
    first.e.setMinAnswers(ROOM, 2);
    const pulse = first.e.start(ROOM, { statementIds: ['risk-1'], windowSec: 60 }, ['m1', 'm2', 'm3']);
    first.e.answer(ROOM, pulse.pulseId, 'm1', { 'risk-1': 2 });
    first.e.answer(ROOM, pulse.pulseId, 'm2', { 'risk-1': 5 });
    first.e.stop();

    vi.setSystemTime(Date.now() + 10 * 60_000);
    const { e } = engine();
    const state = e.state(ROOM);
    expect(state.open).toBeNull();
    expect(state.history[0]).toMatchObject({
      pulseId: pulse.pulseId,
      closedAt: pulse.closesAt,
      result: {
        released: true,
        answers: 2,
        statements: [{ statementId: 'risk-1', mean: 3.5, counts: [0, 1, 0, 0, 1] }],
      },
    });
  });

  it('re-arms a schedule after a restart and skips a due pulse when one is open or nobody is there', () => {
    const first = engine();
    first.e.schedule(ROOM, 5, 60);
    first.e.stop();

    let present: string[] = [];
    const { e } = engine({ sideMemberKeys: () => present });
    vi.advanceTimersByTime(5 * MINUTE);
    expect(e.state(ROOM).open).toBeNull();
    expect(e.state(ROOM).schedule?.nextAt).toBe(Date.now() + 5 * MINUTE);

    present = ['m1', 'm2'];
    vi.advanceTimersByTime(5 * MINUTE);
    const opened = e.state(ROOM).open;
    expect(opened).not.toBeNull();
    vi.advanceTimersByTime(5 * MINUTE);
    expect(e.state(ROOM).open?.pulseId).toBe(opened!.pulseId);

    e.unschedule(ROOM);
    expect(e.state(ROOM).schedule).toBeNull();
  });

  it('rate-limits pause requests per member and reports only a count and a time', () => {
    const { e, pauses } = engine();
    e.requestPause(ROOM, 'm1');
    expect(codeOf(() => e.requestPause(ROOM, 'm1'))).toBe('rate_limited');
    e.requestPause(ROOM, 'm2');
    vi.advanceTimersByTime(60_000);
    e.requestPause(ROOM, 'm1');
    expect(pauses).toEqual([
      { count: 1, lastAt: expect.any(Number) },
      { count: 2, lastAt: expect.any(Number) },
      { count: 3, lastAt: Date.now() },
    ]);
  });
});

describe('pause requests', () => {
  it('are capped per room too, so minting new members does not make a flood', () => {
    const { e, pauses } = engine();
    const refused = Array.from({ length: 10 }, (_, i) => codeOf(() => e.requestPause(ROOM, `member-${i}`)));
    expect(refused.filter((code) => code === undefined)).toHaveLength(6);
    expect(refused.slice(6)).toEqual(['rate_limited', 'rate_limited', 'rate_limited', 'rate_limited']);
    expect(pauses.at(-1)?.count).toBe(6);
    vi.advanceTimersByTime(10_000);
    expect(codeOf(() => e.requestPause(ROOM, 'member-10'))).toBeUndefined();
    expect(codeOf(() => e.requestPause('another-room', 'member-0'))).toBeUndefined();
  });
});

describe('the pulses file', () => {
  it('uses a rollback journal, not a WAL, and stores counts as fixed-width reals', () => {
    const { e } = engine();
    const pulse = e.start(ROOM, { statementIds: ['voice-1'] }, ['m1', 'm2', 'm3']);
    e.answer(ROOM, pulse.pulseId, 'm1', { 'voice-1': 3 });
    const db = new Database(path.join(dir, 'pulses.sqlite'), { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      const kinds = db.prepare('SELECT DISTINCT typeof(count) AS kind FROM pulse_counts').all();
      expect(kinds).toEqual([{ kind: 'real' }]);
    } finally {
      db.close();
    }
  });
});
