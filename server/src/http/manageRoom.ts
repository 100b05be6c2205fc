import type { RequestHandler } from 'express';
import type { RoomService } from '../rooms/service.js';
import { bearerToken, roomIdParam } from './validate.js';

/**
 * GET /api/rooms/:roomId — the room's summary, for whoever may reissue its invites (the
 * admin token, or the mediator's): the page that replaces links names the room and sides.
 */
export function manageRoom(rooms: RoomService): RequestHandler {
  return (req, res) => {
    res.json({ room: rooms.managed(roomIdParam(req), bearerToken(req)) });
  };
}
