import type { RequestHandler } from 'express';
import { joinBodySchema } from '@parley/shared';
import type { RoomService } from '../rooms/service.js';
import { parseBody } from './validate.js';

/** POST /api/members — join with an invite token and a display name; answers a member token. */
export function joinRoom(rooms: RoomService): RequestHandler {
  return (req, res) => {
    const { token, name } = parseBody(joinBodySchema, req);
    res.status(201).json(rooms.join(token, name));
  };
}
