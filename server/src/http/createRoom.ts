import type { RequestHandler } from 'express';
import { createRoomBodySchema } from '@parley/shared';
import type { RoomService } from '../rooms/service.js';
import { parseBody } from './validate.js';

/** POST /api/rooms — the public surface for creating a room and its invites. */
export function createRoom(rooms: RoomService): RequestHandler {
  return (req, res) => {
    const body = parseBody(createRoomBodySchema, req);
    res.status(201).json(rooms.createRoom(body));
  };
}
