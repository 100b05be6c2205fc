import type { Phase, Timer } from '@parley/shared';
import {
  COLLECTIONS,
  FACILITATION_DEFAULTS,
  PHASES,
  RECORDS,
  addItem,
  newId,
  setRecordField,
  timerRemaining,
} from '@parley/shared';
import type * as Y from 'yjs';
import { serverNow } from '../../lib/serverClock';

/**
 * The writes of facilitation, on the facilitation doc. Each is one transaction with no
 * origin, so it is one undo step for whoever made it.
 */

/** Moves the room to a phase and records the move (for the report and the pulse trend). */
export function movePhase(doc: Y.Doc, phase: Phase, now = serverNow()): void {
  doc.transact(() => {
    addItem(doc, 'phaseHistory', COLLECTIONS.facilitation.phaseHistory, { id: newId(), phase, at: now });
    setRecordField(doc, 'state', RECORDS.facilitation.state, FACILITATION_DEFAULTS, 'phase', phase);
  });
}

export function nextPhase(phase: Phase): Phase | null {
  return PHASES[PHASES.indexOf(phase) + 1] ?? null;
}

export function writeTimer(doc: Y.Doc, timer: Timer | null): void {
  setRecordField(doc, 'state', RECORDS.facilitation.state, FACILITATION_DEFAULTS, 'timer', timer);
}

export const MAX_TIMER_MINUTES = 600;

/** A new timer, paused at its full length. */
export function setTimer(label: string, minutes: number): Timer {
  const ms = Math.round(Math.min(Math.max(minutes, 0), MAX_TIMER_MINUTES) * 60_000);
  return { label: label.slice(0, 200), durationMs: ms, remainingMs: ms, startedAt: null };
}

export function startTimer(timer: Timer, now = serverNow()): Timer {
  if (timer.startedAt !== null) return timer;
  return { ...timer, startedAt: now };
}

/** Pausing freezes what is left, so everyone's display stops at the same value. */
export function pauseTimer(timer: Timer, now = serverNow()): Timer {
  if (timer.startedAt === null) return timer;
  return { ...timer, remainingMs: timerRemaining(timer, now), startedAt: null };
}

export function resetTimer(timer: Timer): Timer {
  return { ...timer, remainingMs: timer.durationMs, startedAt: null };
}

/** "4:05", "1:02:03": minutes and seconds, rounded up so the display reaches 0:00 exactly at the end. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The countdown spelled out for screen readers: "4 minutes 5 seconds left". */
export function spokenCountdown(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  const parts = [];
  if (m) parts.push(`${m} ${m === 1 ? 'minute' : 'minutes'}`);
  if (s || !m) parts.push(`${s} ${s === 1 ? 'second' : 'seconds'}`);
  return `${parts.join(' ')} left`;
}

export type TimerStatus = 'paused' | 'running' | 'up';

export interface TimerView {
  remainingMs: number;
  status: TimerStatus;
}

export function viewTimer(timer: Timer, now: number): TimerView {
  const remainingMs = timerRemaining(timer, now);
  if (timer.durationMs > 0 && remainingMs === 0) return { remainingMs, status: 'up' };
  return { remainingMs, status: timer.startedAt === null ? 'paused' : 'running' };
}
