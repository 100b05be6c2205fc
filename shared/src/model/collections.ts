import {
  acceptanceSchema,
  constraintSchema,
  interestSchema,
  noticeSchema,
  positionSchema,
  scoreSchema,
} from '../schemas/board.js';
import {
  draftSchema,
  mediatorNotesSchema,
  phaseChangeSchema,
  privateNotesSchema,
  timerSchema,
  phaseSchema,
} from '../schemas/facilitation.js';
import {
  agendaTopicSchema,
  agreementSchema,
  commitmentSchema,
  criterionSchema,
  optionSchema,
} from '../schemas/joint.js';
import { z } from 'zod';
import type { ScopeKind } from '../scopes.js';

/**
 * Which collections live in which document, with the schema of their items. The
 * top-level Yjs type names are these keys; the server's timeline and the client's
 * hooks both read this table.
 */
export const COLLECTIONS = {
  side: {
    positions: positionSchema,
    interests: interestSchema,
    constraints: constraintSchema,
    notices: noticeSchema,
    scores: scoreSchema,
    acceptances: acceptanceSchema,
  },
  joint: {
    agenda: agendaTopicSchema,
    options: optionSchema,
    criteria: criterionSchema,
    agreements: agreementSchema,
    commitments: commitmentSchema,
  },
  private: {
    drafts: draftSchema,
  },
  facilitation: {
    phaseHistory: phaseChangeSchema,
  },
  mediator: {},
} as const satisfies Record<ScopeKind, Record<string, z.ZodType>>;

/** Single-record maps (not collections): field name → value. */
export const facilitationStateSchema = z.object({ phase: phaseSchema, timer: timerSchema.nullable() });
export type FacilitationState = z.infer<typeof facilitationStateSchema>;
export const FACILITATION_DEFAULTS: FacilitationState = { phase: 'opening', timer: null };
export const PRIVATE_NOTES_DEFAULTS = { walkAway: '', reservation: '', notes: '' };
export const MEDIATOR_NOTES_DEFAULTS = { notes: '' };

export const RECORDS = {
  facilitation: { state: facilitationStateSchema },
  private: { notes: privateNotesSchema },
  mediator: { notes: mediatorNotesSchema },
} as const;

/** Human words for the timeline: collection name → singular noun. */
export const ITEM_NOUNS: Record<string, string> = {
  positions: 'position',
  interests: 'interest',
  constraints: 'constraint',
  notices: 'notice',
  scores: 'option score',
  acceptances: 'acceptance of an agreement',
  agenda: 'agenda topic',
  options: 'option',
  criteria: 'criterion',
  agreements: 'agreement',
  commitments: 'commitment',
  drafts: 'private draft',
  phaseHistory: 'phase change',
  state: 'facilitation state',
  notes: 'notes',
};
