import { createHash, randomBytes } from 'node:crypto';
import {
  ErrorCode,
  PAUSE_REQUEST_INTERVAL_MS,
  PULSE_DEFAULT_WINDOW_SEC,
  type PauseState,
  type PulseState,
  type PulseStatementResult,
  type PulseView,
} from '@parley/shared';
import { ParleyError } from '../errors.js';
import type { Logger } from '../log.js';
import { PauseLimit } from './pauseLimit.js';
import { pickStatements } from './select.js';
import type { PulseStore, StoredPulse, StoredSchedule } from './store.js';

/** How the engine reaches the people in a room; the socket.io domain provides it. */
export interface PulseLink {
  /** Distinct keys of the side members connected to the room's control plane now. */
  sideMemberKeys(roomId: string): string[];
  /** The room's pulse state changed: publish it to everyone in the room. */
  changed(roomId: string): void;
  /** A pause request came in: tell the room's facilitators. */
  paused(roomId: string, state: PauseState): void;
}

export interface PulseEngineOptions {
  /** Length of a schedule "minute"; shorter only in tests. */
  minuteMs: number;
  log: Logger;
  now?: () => number;
  /** Closed pulses kept in a room's state. */
  historyLimit?: number;
  /** Rooms whose closed pulses stay in memory; the others are read from the store when asked. */
  historiesCached?: number;
  pauseIntervalMs?: number;
}

interface OpenPulse {
  record: StoredPulse;
  /** Hashed keys: see `hashKey`. */
  eligible: Set<string>;
  answered: Set<string>;
  timer: NodeJS.Timeout;
}

interface ArmedSchedule {
  schedule: StoredSchedule;
  timer: NodeJS.Timeout;
}

/**
 * The pulses file never holds a member id: the key is hashed with the pulse id, so the
 * answered set of one pulse cannot be joined with another's, nor read as names without
 * the room database.
 */
export function hashKey(pulseId: string, memberKey: string): string {
  return createHash('sha256').update(pulseId).update('\0').update(memberKey).digest('base64url');
}

const fail = (code: ErrorCode, message: string) => new ParleyError(code, message);

/**
 * Pulse checks and pause requests, server-authoritative. Every rule lives here; the
 * socket.io handlers only establish who is asking. All state that must outlive the
 * process (open pulses, counts, who answered, schedules, settings) is in the store, and
 * the constructor picks it up again.
 */
export class PulseEngine {
  private readonly open = new Map<string, OpenPulse>();
  private readonly schedules = new Map<string, ArmedSchedule>();
  private readonly closedViews = new Map<string, PulseView[]>();
  private readonly pauseLimit: PauseLimit;
  private link: PulseLink | null = null;
  private stopped = false;
  private readonly now: () => number;
  private readonly historyLimit: number;
  private readonly historiesCached: number;

  constructor(
    private readonly store: PulseStore,
    private readonly options: PulseEngineOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.historyLimit = options.historyLimit ?? 200;
    this.historiesCached = options.historiesCached ?? 1_000;
    this.pauseLimit = new PauseLimit(options.pauseIntervalMs ?? PAUSE_REQUEST_INTERVAL_MS);
    this.resume();
  }

  attach(link: PulseLink): void {
    this.link = link;
  }

  /** Clears every timer and closes the store; open pulses and schedules stay stored for the next start. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const o of this.open.values()) clearTimeout(o.timer);
    for (const s of this.schedules.values()) clearTimeout(s.timer);
    this.open.clear();
    this.schedules.clear();
    this.store.close();
  }

  /** Erases a room: its timers and cached views here, and everything of it in the store. */
  deleteRoom(roomId: string): void {
    clearTimeout(this.open.get(roomId)?.timer);
    clearTimeout(this.schedules.get(roomId)?.timer);
    this.open.delete(roomId);
    this.schedules.delete(roomId);
    this.closedViews.delete(roomId);
    this.store.deleteRoom(roomId);
  }

  // ---- reading ----

  state(roomId: string): PulseState {
    const scheduled = this.schedules.get(roomId)?.schedule;
    const open = this.open.get(roomId);
    return {
      minAnswers: this.store.minAnswers(roomId),
      schedule: scheduled
        ? { everyMinutes: scheduled.everyMinutes, windowSec: scheduled.windowSec, nextAt: scheduled.nextAt }
        : null,
      open: open ? this.openView(open) : null,
      history: [...this.history(roomId)],
    };
  }

  /** Whether this member has answered the room's open pulse; undefined when none is open. */
  youAnswered(roomId: string, memberKey: string): boolean | undefined {
    const open = this.open.get(roomId);
    return open ? open.answered.has(hashKey(open.record.pulseId, memberKey)) : undefined;
  }

  pauseState(roomId: string): PauseState {
    return this.store.pause(roomId);
  }

  // ---- facilitation ----

  start(
    roomId: string,
    options: { statementIds?: string[] | undefined; windowSec?: number | undefined },
    eligibleMemberKeys: string[],
  ): PulseView {
    if (this.open.has(roomId)) throw fail(ErrorCode.Conflict, 'a pulse is already open in this room');
    const statementIds = options.statementIds ?? pickStatements(this.store.pulsesOpened(roomId));
    if (new Set(statementIds).size !== statementIds.length) {
      throw fail(ErrorCode.BadRequest, 'statementIds: each statement may appear once');
    }
    if (eligibleMemberKeys.length === 0) {
      throw fail(ErrorCode.Conflict, 'no side member is connected to answer a pulse');
    }
    const opened = this.openPulse(
      roomId,
      statementIds,
      options.windowSec ?? PULSE_DEFAULT_WINDOW_SEC,
      eligibleMemberKeys,
    );
    this.changed(roomId);
    return this.openView(opened);
  }

  close(roomId: string, pulseId: string): PulseView {
    const open = this.open.get(roomId);
    if (!open || open.record.pulseId !== pulseId) throw fail(ErrorCode.PulseNotOpen, 'that pulse is not open');
    return this.closeNow(open, this.now());
  }

  schedule(roomId: string, everyMinutes: number, windowSec: number | undefined): void {
    const schedule: StoredSchedule = {
      roomId,
      everyMinutes,
      windowSec: windowSec ?? PULSE_DEFAULT_WINDOW_SEC,
      nextAt: this.now() + everyMinutes * this.options.minuteMs,
    };
    this.store.setSchedule(roomId, schedule);
    this.arm(schedule);
    this.changed(roomId);
  }

  unschedule(roomId: string): void {
    this.store.setSchedule(roomId, null);
    const armed = this.schedules.get(roomId);
    if (armed) clearTimeout(armed.timer);
    this.schedules.delete(roomId);
    this.changed(roomId);
  }

  setMinAnswers(roomId: string, minAnswers: number): void {
    this.store.setMinAnswers(roomId, minAnswers);
    this.changed(roomId);
  }

  // ---- side members ----

  answer(roomId: string, pulseId: string, memberKey: string, ratings: Partial<Record<string, number>>): void {
    const open = this.open.get(roomId);
    if (!open || open.record.pulseId !== pulseId) throw fail(ErrorCode.PulseNotOpen, 'that pulse is not open');
    const key = hashKey(pulseId, memberKey);
    if (!open.eligible.has(key)) {
      throw fail(ErrorCode.Forbidden, 'this pulse opened before you joined; the next one is yours');
    }
    const expected = open.record.statementIds;
    const given = Object.entries(ratings).filter((entry): entry is [string, number] => entry[1] !== undefined);
    const unknown = given.find(([id]) => !expected.includes(id));
    if (unknown) throw fail(ErrorCode.BadRequest, `ratings: statement ${unknown[0]} is not in this pulse`);
    if (given.length !== expected.length)
      throw fail(ErrorCode.BadRequest, 'ratings: rate every statement of the pulse');
    if (open.answered.has(key) || !this.store.answer(pulseId, key, given)) {
      throw fail(ErrorCode.AlreadyAnswered, 'you have already answered this pulse');
    }
    open.answered.add(key);
    // Nothing about the answer is logged: a log line beside the answered count is a link.
    if (open.answered.size >= open.eligible.size) this.closeNow(open, this.now());
    else this.changed(roomId);
  }

  /** `rateKey` identifies the sender for rate limiting only; it is never stored or sent. */
  requestPause(roomId: string, rateKey: string): PauseState {
    const now = this.now();
    this.pauseLimit.admit(roomId, rateKey, now);
    const state = this.store.recordPause(roomId, now);
    this.pauseLimit.sent(roomId, rateKey, now);
    this.link?.paused(roomId, state);
    return state;
  }

  // ---- internals ----

  private resume(): void {
    const now = this.now();
    for (const stored of this.store.openPulses()) {
      const open: OpenPulse = {
        record: stored,
        eligible: new Set(stored.eligibleKeys),
        answered: new Set(stored.answeredKeys),
        timer: this.windowTimer(stored.roomId, stored.pulseId, stored.closesAt - now),
      };
      this.open.set(stored.roomId, open);
      // A window that ended while the server was down ends where it would have.
      if (stored.closesAt <= now) this.closeNow(open, stored.closesAt);
    }
    for (const schedule of this.store.schedules()) this.arm(schedule);
  }

  private openPulse(roomId: string, statementIds: string[], windowSec: number, memberKeys: string[]): OpenPulse {
    const openedAt = this.now();
    const pulseId = randomBytes(12).toString('base64url');
    const eligible = new Set(memberKeys.map((k) => hashKey(pulseId, k)));
    const record: StoredPulse = {
      pulseId,
      roomId,
      statementIds,
      openedAt,
      closesAt: openedAt + windowSec * 1000,
      closedAt: null,
      eligible: eligible.size,
      status: 'open',
      answers: null,
      released: null,
    };
    this.store.openPulse(record, [...eligible]);
    const open: OpenPulse = {
      record,
      eligible,
      answered: new Set(),
      timer: this.windowTimer(roomId, pulseId, windowSec * 1000),
    };
    this.open.set(roomId, open);
    return open;
  }

  private windowTimer(roomId: string, pulseId: string, delayMs: number): NodeJS.Timeout {
    const timer = setTimeout(
      () => {
        this.guarded('closing a pulse at the end of its window', () => {
          const open = this.open.get(roomId);
          if (open?.record.pulseId === pulseId) this.closeNow(open, this.now());
        });
      },
      Math.max(0, delayMs),
    );
    timer.unref();
    return timer;
  }

  private closeNow(open: OpenPulse, closedAt: number): PulseView {
    const { roomId, pulseId } = open.record;
    clearTimeout(open.timer);
    const closed = this.store.closePulse(pulseId, closedAt, this.store.minAnswers(roomId));
    this.open.delete(roomId);
    const view = this.closedView(closed);
    // A history read from the store now already holds this pulse; only a cached one lacks it.
    const cached = this.closedViews.has(roomId);
    const history = this.history(roomId);
    if (cached) history.push(view);
    if (history.length > this.historyLimit) history.splice(0, history.length - this.historyLimit);
    this.changed(roomId);
    return view;
  }

  private arm(schedule: StoredSchedule): void {
    const previous = this.schedules.get(schedule.roomId);
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(
      () => this.guarded('running a pulse schedule', () => this.fire(schedule.roomId)),
      Math.max(0, schedule.nextAt - this.now()),
    );
    timer.unref();
    this.schedules.set(schedule.roomId, { schedule, timer });
  }

  private fire(roomId: string): void {
    const armed = this.schedules.get(roomId);
    if (!armed || this.stopped) return;
    const { schedule } = armed;
    const now = this.now();
    const period = schedule.everyMinutes * this.options.minuteMs;
    let nextAt = schedule.nextAt + period;
    if (nextAt <= now) nextAt = now + period;
    const next = { ...schedule, nextAt };
    // Re-armed first, so a failure to open this pulse does not end the schedule.
    this.store.setSchedule(roomId, next);
    this.arm(next);
    const memberKeys = this.link?.sideMemberKeys(roomId) ?? [];
    // A pulse nobody can answer, or one on top of an open one, is skipped, not queued.
    if (!this.open.has(roomId) && memberKeys.length > 0) {
      this.openPulse(roomId, pickStatements(this.store.pulsesOpened(roomId)), schedule.windowSec, memberKeys);
    }
    this.changed(roomId);
  }

  /**
   * A room's closed pulses, cached for the rooms used most recently (a Map keeps
   * insertion order, so the first key is the least recently used). Every closed pulse is
   * in the store before it is in a cache, so forgetting one loses nothing.
   */
  private history(roomId: string): PulseView[] {
    let views = this.closedViews.get(roomId);
    if (views) this.closedViews.delete(roomId);
    else views = this.store.history(roomId, this.historyLimit).map((p) => this.closedView(p));
    this.closedViews.set(roomId, views);
    if (this.closedViews.size > this.historiesCached) {
      this.closedViews.delete(this.closedViews.keys().next().value as string);
    }
    return views;
  }

  private openView(open: OpenPulse): PulseView {
    const r = open.record;
    return {
      pulseId: r.pulseId,
      statementIds: [...r.statementIds],
      openedAt: r.openedAt,
      closesAt: r.closesAt,
      status: 'open',
      answered: open.answered.size,
      eligible: open.eligible.size,
    };
  }

  private closedView(p: StoredPulse): PulseView {
    const answers = p.answers ?? 0;
    const view: PulseView = {
      pulseId: p.pulseId,
      statementIds: [...p.statementIds],
      openedAt: p.openedAt,
      closesAt: p.closesAt,
      status: 'closed',
      answered: answers,
      eligible: p.eligible,
      closedAt: p.closedAt ?? p.closesAt,
    };
    if (!p.released) {
      view.result = { released: false, answers, reason: 'below_minimum' };
      return view;
    }
    const counts = this.store.counts(p.pulseId);
    const statements: PulseStatementResult[] = p.statementIds.map((statementId) => {
      const c = counts.get(statementId) ?? [0, 0, 0, 0, 0];
      const n = c.reduce((a, b) => a + b, 0);
      const sum = c.reduce((a, b, i) => a + b * (i + 1), 0);
      return { statementId, mean: n === 0 ? 0 : sum / n, counts: [...c] };
    });
    view.result = { released: true, answers, statements };
    return view;
  }

  private changed(roomId: string): void {
    if (this.stopped) return;
    try {
      this.link?.changed(roomId);
    } catch (error) {
      this.options.log.warn({ err: error }, 'could not publish the pulse state');
    }
  }

  private guarded(what: string, run: () => void): void {
    if (this.stopped) return;
    try {
      run();
    } catch (error) {
      this.options.log.error({ err: error }, `failed ${what}`);
    }
  }
}
