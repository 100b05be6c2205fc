import type { JoinResponse } from '@parley/shared';
import { roleSchema, sideIdSchema } from '@parley/shared';
import { z } from 'zod';

/**
 * The member session for each room, kept in localStorage so a reload of the room
 * page rejoins without asking. Storage is untrusted input too: it is validated on read.
 */
const storedSessionSchema = z.object({
  role: roleSchema,
  side: sideIdSchema.optional(),
  room: z.object({
    roomId: z.string(),
    title: z.string(),
    sides: z.tuple([z.string(), z.string()]),
    mediated: z.boolean(),
    createdAt: z.number(),
  }),
  memberId: z.string(),
  memberToken: z.string(),
  name: z.string(),
});

export type Session = JoinResponse;

const key = (roomId: string) => `parley:session:${roomId}`;

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
