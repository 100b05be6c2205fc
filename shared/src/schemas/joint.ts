import { z } from 'zod';
import { sideIdSchema } from '../scopes.js';
import { interestRefSchema } from './board.js';
import { dateSchema, itemIdSchema, optionalText, shortText, timestampSchema } from './common.js';

export const AGENDA_STATUSES = ['open', 'discussing', 'parked', 'settled'] as const;
export const agendaTopicSchema = z.object({
  id: itemIdSchema,
  title: shortText,
  status: z.enum(AGENDA_STATUSES),
  /** Sort key; topics are shown in ascending order. */
  order: z.number().finite(),
  createdAt: timestampSchema,
});
export type AgendaTopic = z.infer<typeof agendaTopicSchema>;
export type AgendaStatus = AgendaTopic['status'];

/** An option for mutual gain, linked to the interests (of either side) it serves. */
export const optionSchema = z.object({
  id: itemIdSchema,
  text: shortText,
  serves: z.array(interestRefSchema).max(200),
  createdAt: timestampSchema,
});
export type Option = z.infer<typeof optionSchema>;

export const CRITERION_KINDS = ['market', 'precedent', 'expert', 'law', 'other'] as const;
export const criterionSchema = z.object({
  id: itemIdSchema,
  text: shortText,
  kind: z.enum(CRITERION_KINDS),
  createdAt: timestampSchema,
});
export type Criterion = z.infer<typeof criterionSchema>;

/** Whether a proposed agreement was carried out; acceptance itself lives in each side's doc. */
export const AGREEMENT_OUTCOMES = ['pending', 'done', 'broken'] as const;
export const agreementSchema = z.object({
  id: itemIdSchema,
  text: shortText,
  outcome: z.enum(AGREEMENT_OUTCOMES),
  createdAt: timestampSchema,
});
export type Agreement = z.infer<typeof agreementSchema>;

export const COMMITMENT_STATUSES = ['pending', 'done', 'broken'] as const;
export const commitmentSchema = z.object({
  id: itemIdSchema,
  agreementId: itemIdSchema,
  what: shortText,
  owner: sideIdSchema,
  due: dateSchema,
  /** How both sides will know it was done. */
  verification: optionalText,
  status: z.enum(COMMITMENT_STATUSES),
  createdAt: timestampSchema,
});
export type Commitment = z.infer<typeof commitmentSchema>;
