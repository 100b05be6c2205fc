import type { RequestHandler } from 'express';
import type { RoomService } from '../rooms/service.js';
import { bearerToken, roomIdParam } from './validate.js';

/**
 * DELETE /api/rooms/:roomId — erases the room: everyone in it is disconnected, and its
 * boards, notes, timeline, members and pulse checks are deleted. The admin token only.
 */
export function deleteRoom(rooms: RoomService): RequestHandler {
  return (req, res) => {
    rooms.deleteRoom(roomIdParam(req), bearerToken(req));
    res.json({ deleted: true });
  };
}
