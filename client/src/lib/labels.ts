import { SIDE_LETTER, sideName, type Role, type RoomSummary, type SideId } from '@parley/shared';

/** "Tenant (side A)", "Mediator", "Observer". The model's own words are in @parley/shared's labels. */
export function roleLabel(room: Pick<RoomSummary, 'sides'>, role: Role, side?: SideId): string {
  if (role === 'side' && side) return `${sideName(room, side)} (side ${SIDE_LETTER[side]})`;
  return role === 'mediator' ? 'Mediator' : role === 'observer' ? 'Observer' : 'Side member';
}
