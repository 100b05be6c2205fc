import type { RoomSummary } from './schemas/api.js';
import type { Constraint, Interest } from './schemas/board.js';
import type { Draft, Phase } from './schemas/facilitation.js';
import type { AgendaStatus, Agreement, Commitment, Criterion } from './schemas/joint.js';
import type { SideId } from './scopes.js';
import type { AgreementStatus } from './model/derive.js';

/**
 * The words people see for the model's enums; the model keeps its ids. One vocabulary
 * for the board, the on-screen report and the Markdown export, so that a record people
 * keep says what the room said.
 */

export const SIDE_LETTER: Record<SideId, string> = { a: 'A', b: 'B' };

export function sideName(room: Pick<RoomSummary, 'sides'>, side: SideId): string {
  return room.sides[side === 'a' ? 0 : 1];
}

/** "Landlord’s", "Tenants’": a name that ends in s takes the apostrophe alone. */
export function possessiveOf(name: string): string {
  return /s$/i.test(name) ? `${name}’` : `${name}’s`;
}

/** A side's name as a possessive, for "Tenants’ score", "Landlord’s private notes". */
export function possessive(room: Pick<RoomSummary, 'sides'>, side: SideId): string {
  return possessiveOf(sideName(room, side));
}

export const PHASE_LABELS: Record<Phase, string> = {
  opening: 'Opening',
  interests: 'Interests',
  options: 'Options',
  agreement: 'Agreement',
  close: 'Close',
};

export const AGENDA_STATUS_LABELS: Record<AgendaStatus, string> = {
  open: 'Open',
  discussing: 'Discussing',
  parked: 'Parked',
  settled: 'Settled',
};

export const INTEREST_KIND_LABELS: Record<Interest['kind'], string> = {
  need: 'Need',
  fear: 'Fear',
  aspiration: 'Aspiration',
};

export const CONSTRAINT_MODALITY_LABELS: Record<Constraint['modality'], string> = { can: 'Can', cannot: 'Cannot' };

export const CONSTRAINT_KIND_LABELS: Record<Constraint['kind'], string> = {
  budget: 'Budget',
  timing: 'Timing',
  policy: 'Policy',
  capacity: 'Capacity',
  other: 'Other',
};

export const CRITERION_KIND_LABELS: Record<Criterion['kind'], string> = {
  market: 'Market rate',
  precedent: 'Precedent',
  expert: 'Expert opinion',
  law: 'Law or regulation',
  other: 'Other standard',
};

export const COMMITMENT_STATUS_LABELS: Record<Commitment['status'], string> = {
  pending: 'Pending',
  done: 'Done',
  broken: 'Broken',
};

export const OUTCOME_LABELS: Record<Agreement['outcome'], string> = {
  pending: 'In progress',
  done: 'Done',
  broken: 'Broken',
};

export const DRAFT_KIND_LABELS: Record<Draft['kind'], string> = {
  position: 'Position',
  interest: 'Interest',
  constraint: 'Constraint',
};

/** "Proposed", "Accepted by Tenant", "Accepted by both", "Done", "Broken". */
export function agreementStatusLabel(status: AgreementStatus, room: Pick<RoomSummary, 'sides'>): string {
  switch (status) {
    case 'proposed':
      return 'Proposed';
    case 'accepted by a':
      return `Accepted by ${sideName(room, 'a')}`;
    case 'accepted by b':
      return `Accepted by ${sideName(room, 'b')}`;
    case 'accepted':
      return 'Accepted by both';
    case 'done':
      return 'Done';
    case 'broken':
      return 'Broken';
  }
}
