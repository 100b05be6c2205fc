import type { RequestHandler } from 'express';
import { reissueBodySchema } from '@parley/shared';
import type { RoomService } from '../rooms/service.js';
import { bearerToken, parseBody, roomIdParam } from './validate.js';

/** POST /api/rooms/:roomId/invites/reissue — revoke a role's invite and issue a new one. */
export function reissueInvite(rooms: RoomService): RequestHandler {
  return (req, res) => {
    const roomId = roomIdParam(req);
    const bearer = bearerToken(req);
    const { role, side } = parseBody(reissueBodySchema, req);
    res.json({ invite: rooms.reissue(roomId, bearer, role, side) });
  };
}
