import { z } from 'zod';
import type { Ack } from './codes.js';
import { PULSE_MIN_ANSWERS_FLOOR, pulseStatementIdSchema } from './pulse.js';
import { ratingSchema } from './schemas/common.js';
import type { Role, SideId } from './scopes.js';

/**
 * The socket.io control plane: events named `domain:verb`, payloads parsed with
 * these schemas on the server, every client→server event acknowledged with an `Ack`.
 */
export const PROTOCOL_VERSION = 1;

// ---- payloads a client sends ----

export const pulseStartSchema = z
  .object({
    /** 1–3 statements; when omitted the server picks them, rotating through the bank. */
    statementIds: z.array(pulseStatementIdSchema).min(1).max(3).optional(),
    windowSec: z.number().int().min(15).max(900).optional(),
  })
  .strict();
export const pulseScheduleSchema = z
  .object({
    everyMinutes: z.number().int().min(1).max(240),
    windowSec: z.number().int().min(15).max(900).optional(),
  })
  .strict();
export const pulseAnswerSchema = z
  .object({
    pulseId: z.string().min(1).max(64),
    /**
     * One rating per statement of the pulse, keyed by statement id. A partial record:
     * zod 4's `record` over an enum demands every key of the bank, not just the pulse's.
     */
    ratings: z.partialRecord(pulseStatementIdSchema, ratingSchema),
  })
  .strict();
export const pulseCloseSchema = z.object({ pulseId: z.string().min(1).max(64) }).strict();
export const pulseSettingsSchema = z
  .object({ minAnswers: z.number().int().min(PULSE_MIN_ANSWERS_FLOOR).max(50) })
  .strict();
export const timelineListSchema = z
  .object({ beforeSeq: z.number().int().positive().optional(), limit: z.number().int().min(1).max(500).optional() })
  .strict();
export const emptyPayloadSchema = z.object({}).strict();

// ---- what the server sends ----

export interface MemberView {
  memberId: string;
  name: string;
  role: Role;
  side?: SideId;
}

export interface PulseStatementResult {
  statementId: string;
  mean: number;
  /** counts[v-1] = how many answered v, for v in 1..5. */
  counts: [number, number, number, number, number];
}

export type PulseResult =
  | { released: true; answers: number; statements: PulseStatementResult[] }
  | { released: false; answers: number; reason: 'below_minimum' };

export interface PulseView {
  pulseId: string;
  statementIds: string[];
  openedAt: number;
  closesAt: number;
  status: 'open' | 'closed';
  answered: number;
  eligible: number;
  /** Present once closed. */
  closedAt?: number;
  result?: PulseResult;
  /** Whether the member receiving this view has answered (only sent to that member). */
  youAnswered?: boolean;
}

export interface PulseState {
  minAnswers: number;
  schedule: { everyMinutes: number; windowSec: number; nextAt: number } | null;
  open: PulseView | null;
  history: PulseView[];
}

export interface PauseState {
  /** How many pause requests came in this session, and when the last came. Never from whom. */
  count: number;
  lastAt: number | null;
}

export interface TimelineEntry {
  seq: number;
  at: number;
  doc: string;
  memberId: string | null;
  name: string;
  role: Role;
  side?: SideId;
  /** Human-readable, server-derived summary, e.g. "added a position". */
  summary: string;
}

export interface ServerToClientEvents {
  'room:members': (members: MemberView[]) => void;
  'pulse:state': (state: PulseState) => void;
  'pause:requested': (state: PauseState) => void;
  'timeline:entry': (entry: TimelineEntry) => void;
  /** `deleted`: the room itself was erased; otherwise this member's invite was replaced. */
  'session:revoked': (info: { message: string; reason?: 'deleted' }) => void;
}

type Cb<T extends object = object> = (ack: Ack<T>) => void;

export interface ClientToServerEvents {
  'room:hello': (
    payload: unknown,
    cb: Cb<{
      you: MemberView;
      members: MemberView[];
      protocol: number;
      /** The server's clock (ms since the epoch) when it answered: clients time shared countdowns by it. */
      serverTime: number;
    }>,
  ) => void;
  'pulse:get': (payload: unknown, cb: Cb<{ state: PulseState }>) => void;
  'pulse:start': (payload: unknown, cb: Cb<{ pulse: PulseView }>) => void;
  'pulse:schedule': (payload: unknown, cb: Cb<{ state: PulseState }>) => void;
  'pulse:unschedule': (payload: unknown, cb: Cb<{ state: PulseState }>) => void;
  'pulse:answer': (payload: unknown, cb: Cb) => void;
  'pulse:close': (payload: unknown, cb: Cb<{ pulse: PulseView }>) => void;
  'pulse:settings': (payload: unknown, cb: Cb<{ state: PulseState }>) => void;
  'pause:request': (payload: unknown, cb: Cb) => void;
  'pause:get': (payload: unknown, cb: Cb<{ state: PauseState }>) => void;
  'timeline:list': (payload: unknown, cb: Cb<{ entries: TimelineEntry[] }>) => void;
}
