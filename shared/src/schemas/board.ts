import { z } from 'zod';
import { sideIdSchema } from '../scopes.js';
import { importanceSchema, itemIdSchema, optionalText, ratingSchema, shortText, timestampSchema } from './common.js';

/** What a side asks for, and because: the reason. Empty `because` means incomplete. */
export const positionSchema = z.object({
  id: itemIdSchema,
  text: shortText,
  because: optionalText,
  createdAt: timestampSchema,
});
export type Position = z.infer<typeof positionSchema>;

export const INTEREST_KINDS = ['need', 'fear', 'aspiration'] as const;
export const CORE_CONCERNS = ['security', 'resources', 'control', 'reputation', 'time'] as const;
export const CORE_CONCERN_LABELS: Record<(typeof CORE_CONCERNS)[number], string> = {
  security: 'Security',
  resources: 'Resources',
  control: 'Control',
  reputation: 'Reputation',
  time: 'Time, certainty & risk',
};

export const interestSchema = z.object({
  id: itemIdSchema,
  text: shortText,
  kind: z.enum(INTEREST_KINDS),
  concern: z.enum(CORE_CONCERNS),
  importance: importanceSchema,
  /** The positions of the same side that this interest explains. */
  positionIds: z.array(itemIdSchema).max(100),
  createdAt: timestampSchema,
});
export type Interest = z.infer<typeof interestSchema>;
export type CoreConcern = Interest['concern'];

export const CONSTRAINT_MODALITIES = ['can', 'cannot'] as const;
export const CONSTRAINT_KINDS = ['budget', 'timing', 'policy', 'capacity', 'other'] as const;

export const constraintSchema = z.object({
  id: itemIdSchema,
  text: shortText,
  modality: z.enum(CONSTRAINT_MODALITIES),
  kind: z.enum(CONSTRAINT_KINDS),
  createdAt: timestampSchema,
});
export type Constraint = z.infer<typeof constraintSchema>;

/** "No surprises": a side announces a coming move before it makes it. */
export const noticeSchema = z.object({
  id: itemIdSchema,
  text: shortText,
  createdAt: timestampSchema,
});
export type Notice = z.infer<typeof noticeSchema>;

/**
 * A side's score of a joint option, kept in that side's own document (keyed by the
 * option id) so that only that side can write it.
 */
export const scoreSchema = z.object({
  id: itemIdSchema,
  value: ratingSchema,
  updatedAt: timestampSchema,
});
export type Score = z.infer<typeof scoreSchema>;

/** A side's acceptance of a joint agreement, kept in that side's own document. */
export const acceptanceSchema = z.object({
  id: itemIdSchema,
  acceptedAt: timestampSchema,
  /**
   * The fingerprint of the terms accepted (`agreementTerms`): the acceptance holds only
   * while the agreement still says that. Absent in acceptances written before it was
   * recorded, which hold as they always did.
   */
  terms: z.string().max(64).optional(),
});
export type Acceptance = z.infer<typeof acceptanceSchema>;

/** A reference to an interest on either side's board. */
export const interestRefSchema = z.object({ side: sideIdSchema, interestId: itemIdSchema });
export type InterestRef = z.infer<typeof interestRefSchema>;

export { ratingSchema };
