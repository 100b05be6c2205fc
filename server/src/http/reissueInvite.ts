import type { RequestHandler } from 'express';
import { ErrorCode, reissueBodySchema, roomIdSchema } from '@parley/shared';
import { ParleyError } from '../errors.js';
import type { RoomService } from '../rooms/service.js';
import { parseBody } from './validate.js';

/** POST /api/rooms/:roomId/invites/reissue — revoke a role's invite and issue a new one. */
export function reissueInvite(rooms: RoomService): RequestHandler {
  return (req, res) => {
    const roomId = roomIdSchema.safeParse(req.params.roomId);
    if (!roomId.success) throw new ParleyError(ErrorCode.NotFound, 'no such room');
    const bearer = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(req.get('authorization') ?? '')?.[1];
    if (!bearer) throw new ParleyError(ErrorCode.Unauthorized, 'an Authorization: Bearer <token> header is required');
    const { role, side } = parseBody(reissueBodySchema, req);
    res.json({ invite: rooms.reissue(roomId.data, bearer, role, side) });
  };
}
