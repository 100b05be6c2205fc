import { z } from 'zod';
import { roleSchema, sideIdSchema } from '../scopes.js';
import { nameLine } from './common.js';

/** Body of `POST /api/rooms`. */
export const createRoomBodySchema = z
  .object({
    title: nameLine('title', 200),
    sides: z.tuple([nameLine("a side's name", 100), nameLine("a side's name", 100)]),
    mediated: z.boolean(),
  })
  .strict();
export type CreateRoomBody = z.infer<typeof createRoomBodySchema>;

export const inviteSchema = z.object({
  role: roleSchema,
  side: sideIdSchema.optional(),
  token: z.string(),
  url: z.string(),
});
export type Invite = z.infer<typeof inviteSchema>;

export const createRoomResponseSchema = z.object({
  roomId: z.string(),
  invites: z.object({ mediator: inviteSchema.optional(), a: inviteSchema, b: inviteSchema, observer: inviteSchema }),
  /**
   * Lets the room's creator revoke and reissue invites (useful in a room without a
   * mediator). Not a member token: it cannot join the room.
   */
  adminToken: z.string(),
});
export type CreateRoomResponse = z.infer<typeof createRoomResponseSchema>;

/** Tokens are base64url strings of at least 128 random bits. */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'malformed token');

export const resolveInviteBodySchema = z.object({ token: tokenSchema }).strict();

export const roomSummarySchema = z.object({
  roomId: z.string(),
  title: z.string(),
  /** Display names of side a and side b. */
  sides: z.tuple([z.string(), z.string()]),
  mediated: z.boolean(),
  createdAt: z.number(),
});
export type RoomSummary = z.infer<typeof roomSummarySchema>;

/** `POST /api/invites/resolve` → what a token lets its holder do. */
export const resolveInviteResponseSchema = z.object({
  role: roleSchema,
  side: sideIdSchema.optional(),
  room: roomSummarySchema,
});
export type ResolveInviteResponse = z.infer<typeof resolveInviteResponseSchema>;

export const displayNameSchema = nameLine('display name', 60);

/** Body of `POST /api/members`: join a room with an invite token and a display name. */
export const joinBodySchema = z.object({ token: tokenSchema, name: displayNameSchema }).strict();

export const joinResponseSchema = resolveInviteResponseSchema.extend({
  memberId: z.string(),
  /** Authenticates this member's `/yjs` and socket.io connections. */
  memberToken: z.string(),
  name: z.string(),
});
export type JoinResponse = z.infer<typeof joinResponseSchema>;

export const reissueBodySchema = z
  .object({ role: roleSchema, side: sideIdSchema.optional() })
  .strict()
  .refine((b) => (b.role === 'side') === (b.side !== undefined), 'side is required exactly for role "side"');

export interface ReissueResponse {
  invite: Invite;
}
