import type { Request } from 'express';
import { ErrorCode, roomIdSchema } from '@parley/shared';
import type { z } from 'zod';
import { ParleyError, badRequest } from '../errors.js';

/** Parses a request body with a shared schema; throws a bad_request ParleyError that the error handler answers. */
export function parseBody<T>(schema: z.ZodType<T>, req: Request): T {
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) throw badRequest(parsed.error.issues);
  return parsed.data;
}

/** The `:roomId` of the path; a malformed one is a room that does not exist. */
export function roomIdParam(req: Request): string {
  const roomId = roomIdSchema.safeParse(req.params.roomId);
  if (!roomId.success) throw new ParleyError(ErrorCode.NotFound, 'no such room');
  return roomId.data;
}

/** The token of an `Authorization: Bearer <token>` header, required. */
export function bearerToken(req: Request): string {
  const bearer = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(req.get('authorization') ?? '')?.[1];
  if (!bearer) throw new ParleyError(ErrorCode.Unauthorized, 'an Authorization: Bearer <token> header is required');
  return bearer;
}
