import type { MemberView, Principal } from '@parley/shared';
import type { RoomRecord } from '../storage/types.js';

/** Who is behind a connection, as established by the server from its token — never from what a client says. */
export interface Identity {
  room: RoomRecord;
  principal: Principal;
  /** Null for a connection made with a bare invite token. */
  memberId: string | null;
  name: string;
  inviteId: string;
}

/**
 * One person's key: their member id, or for a bare invite token one key per invite.
 * Everyone connected with the same invite and no name is one "Guest", so opening more
 * connections never counts as more people: not in the member list, not among those a
 * pulse check waits for, and not as more answers to it.
 */
export function memberKey(identity: Identity): string {
  return identity.memberId ?? `guest-${identity.inviteId}`;
}

export function memberView(identity: Identity): MemberView {
  const view: MemberView = {
    memberId: memberKey(identity),
    name: identity.name,
    role: identity.principal.role,
  };
  if (identity.principal.side) view.side = identity.principal.side;
  return view;
}
