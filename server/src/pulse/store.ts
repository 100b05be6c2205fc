import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ErrorCode, PULSE_MIN_ANSWERS_DEFAULT } from '@parley/shared';
import { ParleyError } from '../errors.js';
import { WRITE_PROBE_SCHEMA, capFileSize, guardWrite, writeProbe } from '../storage/refusal.js';

/**
 * Pulse checks live in their own SQLite file so that their storage rules can be
 * stricter than the room database's, and so that the file can be reasoned about alone:
 *
 * - `journal_mode = DELETE`, not WAL: a WAL keeps one frame per commit until a
 *   checkpoint, and two consecutive frames of the counts page beside a frame of the
 *   answered set would say who gave which value.
 * - `secure_delete = ON`: freed cells and pages are zeroed, so a deleted answered set
 *   or withheld counts cannot be read back from free space.
 * - Counts are pre-created (five rows per statement, all zero) when a pulse opens, so
 *   the order of count rows is fixed before anyone answers.
 * - A count is stored as an 8-byte REAL in a column without affinity: a record that
 *   never changes size is overwritten in place, whereas a growing INTEGER (0 and 1 take
 *   no bytes, 2.. take one) makes SQLite move the cell, and the page's cell layout would
 *   then record the order in which values were given.
 * - Who answered is a separate set of hashed member keys, with no timestamp and no
 *   value, deleted when the pulse closes.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS pulse_rooms (
  room_id TEXT PRIMARY KEY,
  min_answers INTEGER NOT NULL,
  pause_count INTEGER NOT NULL DEFAULT 0,
  pause_last_at INTEGER
);
CREATE TABLE IF NOT EXISTS pulse_schedules (
  room_id TEXT PRIMARY KEY,
  every_minutes INTEGER NOT NULL,
  window_sec INTEGER NOT NULL,
  next_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS pulses (
  pulse_id TEXT PRIMARY KEY,
  room_id TEXT NOT NULL,
  statement_ids TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  closes_at INTEGER NOT NULL,
  closed_at INTEGER,
  eligible INTEGER NOT NULL,
  answers INTEGER,
  released INTEGER,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed'))
);
CREATE INDEX IF NOT EXISTS pulses_by_room ON pulses(room_id, opened_at);
CREATE TABLE IF NOT EXISTS pulse_counts (
  pulse_id TEXT NOT NULL,
  statement_id TEXT NOT NULL,
  value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
  count NOT NULL,
  PRIMARY KEY (pulse_id, statement_id, value)
);
CREATE TABLE IF NOT EXISTS pulse_eligible (
  pulse_id TEXT NOT NULL,
  member_key TEXT NOT NULL,
  PRIMARY KEY (pulse_id, member_key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pulse_answered (
  pulse_id TEXT NOT NULL,
  member_key TEXT NOT NULL,
  PRIMARY KEY (pulse_id, member_key)
) WITHOUT ROWID;
`;

export interface StoredSchedule {
  roomId: string;
  everyMinutes: number;
  windowSec: number;
  nextAt: number;
}

export interface StoredPulse {
  pulseId: string;
  roomId: string;
  statementIds: string[];
  openedAt: number;
  closesAt: number;
  closedAt: number | null;
  eligible: number;
  status: 'open' | 'closed';
  /** Set when closed. */
  answers: number | null;
  released: boolean | null;
}

/** An open pulse with the hashed keys of who may answer and who has. */
export interface StoredOpenPulse extends StoredPulse {
  eligibleKeys: string[];
  answeredKeys: string[];
}

export type Counts = [number, number, number, number, number];

export interface PulseStore {
  minAnswers(roomId: string): number;
  setMinAnswers(roomId: string, minAnswers: number): void;
  pause(roomId: string): { count: number; lastAt: number | null };
  recordPause(roomId: string, at: number): { count: number; lastAt: number | null };
  schedules(): StoredSchedule[];
  schedule(roomId: string): StoredSchedule | null;
  setSchedule(roomId: string, schedule: Omit<StoredSchedule, 'roomId'> | null): void;
  /** Meta, the pre-created zero counts and the eligible set, in one transaction. */
  openPulse(
    pulse: Omit<StoredPulse, 'closedAt' | 'status' | 'answers' | 'released' | 'eligible'>,
    eligibleKeys: string[],
  ): void;
  openPulses(): StoredOpenPulse[];
  /**
   * Adds the key to the answered set and each rating to its count, in one transaction.
   * Returns false (and changes nothing) when the key had already answered.
   */
  answer(
    pulseId: string,
    memberKey: string,
    ratings: ReadonlyArray<readonly [statementId: string, value: number]>,
  ): boolean;
  /** Closes the pulse, forgets who was eligible and who answered, and drops the counts of a withheld result. */
  closePulse(pulseId: string, closedAt: number, minAnswers: number): StoredPulse;
  /** Closed pulses of a room, oldest first, the newest `limit`. */
  history(roomId: string, limit: number): StoredPulse[];
  counts(pulseId: string): Map<string, Counts>;
  pulsesOpened(roomId: string): number;
  /** Erases everything of a room: settings, schedule, pause count, pulses and their counts. */
  deleteRoom(roomId: string): void;
  /** A write that changes nothing and throws storage_unavailable exactly when this file refuses writes. */
  probeWrite(): void;
  close(): void;
}

/** The store's writes: each one's outcome tells /readyz whether pulse checks can be stored. */
export const PULSE_WRITES = [
  'setMinAnswers',
  'recordPause',
  'setSchedule',
  'openPulse',
  'answer',
  'closePulse',
  'deleteRoom',
] as const satisfies ReadonlyArray<keyof PulseStore>;

interface PulseRow {
  pulse_id: string;
  room_id: string;
  statement_ids: string;
  opened_at: number;
  closes_at: number;
  closed_at: number | null;
  eligible: number;
  answers: number | null;
  released: number | null;
  status: 'open' | 'closed';
}

const toPulse = (r: PulseRow): StoredPulse => ({
  pulseId: r.pulse_id,
  roomId: r.room_id,
  statementIds: JSON.parse(r.statement_ids) as string[],
  openedAt: r.opened_at,
  closesAt: r.closes_at,
  closedAt: r.closed_at,
  eligible: r.eligible,
  status: r.status,
  answers: r.answers,
  released: r.released === null ? null : r.released === 1,
});

/** `maxBytes` caps the file (0: no cap); past it every write is refused as on a full disk. */
export function openPulseStore(file: string, { maxBytes = 0 }: { maxBytes?: number } = {}): PulseStore {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.pragma('secure_delete = ON');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 2000');
  db.exec(SCHEMA);
  db.exec(WRITE_PROBE_SCHEMA);
  capFileSize(db, maxBytes);

  const q = {
    room: db.prepare<[string], { min_answers: number; pause_count: number; pause_last_at: number | null }>(
      'SELECT min_answers, pause_count, pause_last_at FROM pulse_rooms WHERE room_id = ?',
    ),
    ensureRoom: db.prepare('INSERT OR IGNORE INTO pulse_rooms (room_id, min_answers) VALUES (?, ?)'),
    setMin: db.prepare('UPDATE pulse_rooms SET min_answers = ? WHERE room_id = ?'),
    addPause: db.prepare('UPDATE pulse_rooms SET pause_count = pause_count + 1, pause_last_at = ? WHERE room_id = ?'),
    schedules: db.prepare<[], Record<string, number | string>>('SELECT * FROM pulse_schedules'),
    schedule: db.prepare<[string], Record<string, number | string>>('SELECT * FROM pulse_schedules WHERE room_id = ?'),
    upsertSchedule: db.prepare(
      `INSERT INTO pulse_schedules (room_id, every_minutes, window_sec, next_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(room_id) DO UPDATE SET every_minutes = excluded.every_minutes,
         window_sec = excluded.window_sec, next_at = excluded.next_at`,
    ),
    deleteSchedule: db.prepare('DELETE FROM pulse_schedules WHERE room_id = ?'),
    insertPulse: db.prepare(
      `INSERT INTO pulses (pulse_id, room_id, statement_ids, opened_at, closes_at, eligible, status)
       VALUES (?, ?, ?, ?, ?, ?, 'open')`,
    ),
    insertCount: db.prepare('INSERT INTO pulse_counts (pulse_id, statement_id, value, count) VALUES (?, ?, ?, 0.0)'),
    insertEligible: db.prepare('INSERT OR IGNORE INTO pulse_eligible (pulse_id, member_key) VALUES (?, ?)'),
    insertAnswered: db.prepare('INSERT OR IGNORE INTO pulse_answered (pulse_id, member_key) VALUES (?, ?)'),
    bumpCount: db.prepare(
      'UPDATE pulse_counts SET count = count + 1.0 WHERE pulse_id = ? AND statement_id = ? AND value = ?',
    ),
    pulse: db.prepare<[string], PulseRow>('SELECT * FROM pulses WHERE pulse_id = ?'),
    openPulses: db.prepare<[], PulseRow>("SELECT * FROM pulses WHERE status = 'open' ORDER BY opened_at"),
    eligibleKeys: db.prepare<[string], { member_key: string }>(
      'SELECT member_key FROM pulse_eligible WHERE pulse_id = ?',
    ),
    answeredKeys: db.prepare<[string], { member_key: string }>(
      'SELECT member_key FROM pulse_answered WHERE pulse_id = ?',
    ),
    answeredCount: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM pulse_answered WHERE pulse_id = ?'),
    markClosed: db.prepare(
      "UPDATE pulses SET status = 'closed', closed_at = ?, answers = ?, released = ? WHERE pulse_id = ?",
    ),
    forgetEligible: db.prepare('DELETE FROM pulse_eligible WHERE pulse_id = ?'),
    forgetAnswered: db.prepare('DELETE FROM pulse_answered WHERE pulse_id = ?'),
    dropCounts: db.prepare('DELETE FROM pulse_counts WHERE pulse_id = ?'),
    history: db.prepare<[string, number], PulseRow>(
      `SELECT * FROM (SELECT * FROM pulses WHERE room_id = ? AND status = 'closed' ORDER BY opened_at DESC LIMIT ?)
       ORDER BY opened_at`,
    ),
    counts: db.prepare<[string], { statement_id: string; value: number; count: number }>(
      'SELECT statement_id, value, count FROM pulse_counts WHERE pulse_id = ?',
    ),
    pulsesOpened: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM pulses WHERE room_id = ?'),
    roomPulseIds: db.prepare<[string], { pulse_id: string }>('SELECT pulse_id FROM pulses WHERE room_id = ?'),
    deletePulses: db.prepare('DELETE FROM pulses WHERE room_id = ?'),
    deleteRoom: db.prepare('DELETE FROM pulse_rooms WHERE room_id = ?'),
  };

  const ensureRoom = (roomId: string) => q.ensureRoom.run(roomId, PULSE_MIN_ANSWERS_DEFAULT);
  const toSchedule = (r: Record<string, number | string>): StoredSchedule => ({
    roomId: r.room_id as string,
    everyMinutes: r.every_minutes as number,
    windowSec: r.window_sec as number,
    nextAt: r.next_at as number,
  });
  const pauseOf = (roomId: string) => {
    const row = q.room.get(roomId);
    return { count: row?.pause_count ?? 0, lastAt: row?.pause_last_at ?? null };
  };

  const openPulse = db.transaction(
    (p: Omit<StoredPulse, 'closedAt' | 'status' | 'answers' | 'released' | 'eligible'>, eligibleKeys: string[]) => {
      q.insertPulse.run(
        p.pulseId,
        p.roomId,
        JSON.stringify(p.statementIds),
        p.openedAt,
        p.closesAt,
        new Set(eligibleKeys).size,
      );
      for (const statementId of p.statementIds) {
        for (let value = 1; value <= 5; value++) q.insertCount.run(p.pulseId, statementId, value);
      }
      for (const key of eligibleKeys) q.insertEligible.run(p.pulseId, key);
    },
  );

  const answer = db.transaction(
    (pulseId: string, memberKey: string, ratings: ReadonlyArray<readonly [string, number]>): boolean => {
      if (q.insertAnswered.run(pulseId, memberKey).changes === 0) return false;
      for (const [statementId, value] of ratings) {
        // A rating with no pre-created row would be lost silently; refuse it and roll back instead.
        if (q.bumpCount.run(pulseId, statementId, value).changes !== 1) {
          throw new ParleyError(ErrorCode.BadRequest, `statement ${statementId} is not in this pulse`);
        }
      }
      return true;
    },
  );

  const closePulse = db.transaction((pulseId: string, closedAt: number, minAnswers: number): StoredPulse => {
    const row = q.pulse.get(pulseId);
    if (!row) throw new ParleyError(ErrorCode.NotFound, 'no such pulse');
    if (row.status === 'closed') return toPulse(row);
    const answers = q.answeredCount.get(pulseId)?.n ?? 0;
    const released = answers >= minAnswers;
    q.markClosed.run(closedAt, answers, released ? 1 : 0, pulseId);
    q.forgetEligible.run(pulseId);
    q.forgetAnswered.run(pulseId);
    if (!released) q.dropCounts.run(pulseId);
    return toPulse(q.pulse.get(pulseId)!);
  });

  const deleteRoom = db.transaction((roomId: string) => {
    for (const { pulse_id: pulseId } of q.roomPulseIds.all(roomId)) {
      q.forgetEligible.run(pulseId);
      q.forgetAnswered.run(pulseId);
      q.dropCounts.run(pulseId);
    }
    q.deletePulses.run(roomId);
    q.deleteSchedule.run(roomId);
    q.deleteRoom.run(roomId);
  });

  return {
    minAnswers: (roomId) => q.room.get(roomId)?.min_answers ?? PULSE_MIN_ANSWERS_DEFAULT,
    setMinAnswers: (roomId, minAnswers) =>
      guardWrite(() =>
        db.transaction(() => {
          ensureRoom(roomId);
          q.setMin.run(minAnswers, roomId);
        })(),
      ),
    pause: pauseOf,
    recordPause: (roomId, at) =>
      guardWrite(() =>
        db.transaction(() => {
          ensureRoom(roomId);
          q.addPause.run(at, roomId);
          return pauseOf(roomId);
        })(),
      ),
    schedules: () => q.schedules.all().map(toSchedule),
    schedule: (roomId) => {
      const row = q.schedule.get(roomId);
      return row ? toSchedule(row) : null;
    },
    setSchedule: (roomId, s) =>
      guardWrite(() => {
        if (s) q.upsertSchedule.run(roomId, s.everyMinutes, s.windowSec, s.nextAt);
        else q.deleteSchedule.run(roomId);
      }),
    openPulse: (p, keys) => guardWrite(() => openPulse(p, keys)),
    openPulses: () =>
      q.openPulses.all().map((row) => ({
        ...toPulse(row),
        eligibleKeys: q.eligibleKeys.all(row.pulse_id).map((r) => r.member_key),
        answeredKeys: q.answeredKeys.all(row.pulse_id).map((r) => r.member_key),
      })),
    answer: (pulseId, key, ratings) => guardWrite(() => answer(pulseId, key, ratings)),
    closePulse: (pulseId, at, min) => guardWrite(() => closePulse(pulseId, at, min)),
    history: (roomId, limit) => q.history.all(roomId, limit).map(toPulse),
    counts(pulseId) {
      const out = new Map<string, Counts>();
      for (const row of q.counts.all(pulseId)) {
        const counts = out.get(row.statement_id) ?? [0, 0, 0, 0, 0];
        counts[row.value - 1] = row.count;
        out.set(row.statement_id, counts);
      }
      return out;
    },
    pulsesOpened: (roomId) => q.pulsesOpened.get(roomId)?.n ?? 0,
    deleteRoom: (roomId) => guardWrite(() => deleteRoom(roomId)),
    probeWrite: writeProbe(db),
    close: () => db.close(),
  };
}
