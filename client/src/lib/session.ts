import { joinResponseSchema, type JoinResponse, type Principal } from '@parley/shared';

/**
 * The member session for each room, kept in localStorage so a reload of the room
 * page rejoins without asking. Storage is untrusted input too: it is validated on read.
 */
const storedSessionSchema = joinResponseSchema;

export type Session = JoinResponse;

const key = (roomId: string) => `parley:session:${roomId}`;

/** The member's role, with their side if they have one: what permissions are decided on. */
export function principalOf(session: Pick<Session, 'role' | 'side'>): Principal {
  return session.side ? { role: session.role, side: session.side } : { role: session.role };
}

export function loadSession(roomId: string): Session | null {
  try {
    const raw = localStorage.getItem(key(roomId));
    if (raw === null) return null;
    const parsed = storedSessionSchema.safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.room.roomId === roomId ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  try {
    localStorage.setItem(key(session.room.roomId), JSON.stringify(session));
  } catch {
    // Private browsing may refuse storage; the session then lasts until the tab closes.
  }
}

export function forgetSession(roomId: string): void {
  try {
    localStorage.removeItem(key(roomId));
  } catch {
    // Nothing stored, nothing to forget.
  }
}

const pendingInviteKey = 'parley:pending-invite';

/** A token carried in the address's fragment (`#<token>`), where no server log or Referer sees it; '' if none. */
export function fragmentToken(): string {
  return decodeURIComponent(location.hash.replace(/^#/, '')).trim();
}

/**
 * The invite token is taken out of the address bar as soon as it is read; it waits in
 * this tab's sessionStorage so that reloading the join page before joining still works.
 */
export function stashInviteToken(token: string): void {
  try {
    sessionStorage.setItem(pendingInviteKey, token);
  } catch {
    // Without storage a reload simply needs the link again.
  }
}

export function stashedInviteToken(): string | null {
  try {
    return sessionStorage.getItem(pendingInviteKey);
  } catch {
    return null;
  }
}

export function clearStashedInviteToken(): void {
  try {
    sessionStorage.removeItem(pendingInviteKey);
  } catch {
    // Nothing to clear.
  }
}
