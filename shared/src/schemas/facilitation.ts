import { z } from 'zod';
import { itemIdSchema, optionalText, shortText, timestampSchema } from './common.js';

export const PHASES = ['opening', 'interests', 'options', 'agreement', 'close'] as const;
export const phaseSchema = z.enum(PHASES);
export type Phase = z.infer<typeof phaseSchema>;

/** One entry per phase change, in the facilitation doc, so the trend chart can mark it. */
export const phaseChangeSchema = z.object({
  id: itemIdSchema,
  phase: phaseSchema,
  at: timestampSchema,
});
export type PhaseChange = z.infer<typeof phaseChangeSchema>;

/**
 * A visible countdown for a phase or agenda topic. Running when `startedAt` is set:
 * remaining = remainingMs - (now - startedAt). Paused otherwise.
 */
export const timerSchema = z.object({
  label: z.string().max(200),
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000),
  remainingMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000),
  startedAt: timestampSchema.nullable(),
});
export type Timer = z.infer<typeof timerSchema>;

export const DRAFT_KINDS = ['position', 'interest', 'constraint'] as const;
/** A side's not-yet-shared item, in its private doc. */
export const draftSchema = z.object({
  id: itemIdSchema,
  kind: z.enum(DRAFT_KINDS),
  text: shortText,
  /** For position drafts: the reason. */
  because: optionalText,
  createdAt: timestampSchema,
});
export type Draft = z.infer<typeof draftSchema>;

/** The free-text fields of a side's private notes. */
export const privateNotesSchema = z.object({
  walkAway: optionalText,
  reservation: optionalText,
  notes: optionalText,
});
export type PrivateNotes = z.infer<typeof privateNotesSchema>;

export const mediatorNotesSchema = z.object({ notes: optionalText });
export type MediatorNotes = z.infer<typeof mediatorNotesSchema>;

export { shortText };
