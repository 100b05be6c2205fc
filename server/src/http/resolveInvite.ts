import type { RequestHandler } from 'express';
import { resolveInviteBodySchema } from '@parley/shared';
import type { RoomService } from '../rooms/service.js';
import { parseBody } from './validate.js';

/** POST /api/invites/resolve — what an invite lets its holder do, before they pick a name. */
export function resolveInvite(rooms: RoomService): RequestHandler {
  return (req, res) => {
    const { token } = parseBody(resolveInviteBodySchema, req);
    res.json(rooms.resolve(token));
  };
}
