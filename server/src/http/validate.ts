import type { Request } from 'express';
import type { z } from 'zod';
import { badRequest } from '../errors.js';

/** Parses a request body with a shared schema; throws a bad_request ParleyError that the error handler answers. */
export function parseBody<T>(schema: z.ZodType<T>, req: Request): T {
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) throw badRequest(parsed.error.issues);
  return parsed.data;
}
