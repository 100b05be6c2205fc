import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ErrorCode } from '@parley/shared';
import { ParleyError } from '../errors.js';
import { bearerToken } from './validate.js';

/**
 * Guards `/metrics` with `METRICS_TOKEN` when one is configured: a scraper sends it as
 * `Authorization: Bearer <token>` (Prometheus's `authorization` setting). Without one the
 * route stays open, for a server whose port only the monitoring network reaches.
 */
export function metricsAccess(token: string | undefined): RequestHandler {
  if (!token) return (_req, _res, next) => next();
  // Compared as digests, so the comparison takes the same time whatever was sent.
  const expected = digest(token);
  return (req, _res, next) => {
    if (!timingSafeEqual(digest(bearerToken(req)), expected)) {
      throw new ParleyError(ErrorCode.Unauthorized, 'the metrics token does not match');
    }
    next();
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
