import type { AgreementStatus, Commitment, Criterion, RoomSummary, SideId } from '@parley/shared';
import { sideName } from '../../lib/labels';

/** The words people see for the joint space's enums; the model keeps its ids. */

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

export const OUTCOME_LABELS = {
  pending: 'In progress',
  done: 'Done',
  broken: 'Broken',
} as const;

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

/** "Tenant’s" — for labels such as "Tenant’s score". */
export function possessive(room: Pick<RoomSummary, 'sides'>, side: SideId): string {
  const name = sideName(room, side);
  return /s$/i.test(name) ? `${name}’` : `${name}’s`;
}
