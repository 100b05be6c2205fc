import type { AgendaStatus, Role, RoomSummary, SideId } from '@parley/shared';
import { CORE_CONCERN_LABELS } from '@parley/shared';

/** The words people see for the model's enums; the model keeps its ids. */

export const SIDE_LETTER: Record<SideId, string> = { a: 'A', b: 'B' };

export function sideName(room: Pick<RoomSummary, 'sides'>, side: SideId): string {
  return room.sides[side === 'a' ? 0 : 1];
}

/** "Tenant (side A)", "Mediator", "Observer". */
export function roleLabel(room: Pick<RoomSummary, 'sides'>, role: Role, side?: SideId): string {
  if (role === 'side' && side) return `${sideName(room, side)} (side ${SIDE_LETTER[side]})`;
  return role === 'mediator' ? 'Mediator' : role === 'observer' ? 'Observer' : 'Side member';
}

export const INTEREST_KIND_LABELS = { need: 'Need', fear: 'Fear', aspiration: 'Aspiration' } as const;

export { CORE_CONCERN_LABELS };

export const CONSTRAINT_MODALITY_LABELS = { can: 'Can', cannot: 'Cannot' } as const;

export const CONSTRAINT_KIND_LABELS = {
  budget: 'Budget',
  timing: 'Timing',
  policy: 'Policy',
  capacity: 'Capacity',
  other: 'Other',
} as const;

export const AGENDA_STATUS_LABELS: Record<AgendaStatus, string> = {
  open: 'Open',
  discussing: 'Discussing',
  parked: 'Parked',
  settled: 'Settled',
};

export const PHASE_LABELS = {
  opening: 'Opening',
  interests: 'Interests',
  options: 'Options',
  agreement: 'Agreement',
  close: 'Close',
} as const;
