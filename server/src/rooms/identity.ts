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

export function memberView(identity: Identity, fallbackId: string): MemberView {
  const view: MemberView = {
    memberId: identity.memberId ?? fallbackId,
    name: identity.name,
    role: identity.principal.role,
  };
  if (identity.principal.side) view.side = identity.principal.side;
  return view;
}
