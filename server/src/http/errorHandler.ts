import type { ErrorRequestHandler } from 'express';
import { ErrorCode } from '@parley/shared';
import { HTTP_STATUS, ParleyError } from '../errors.js';
import type { Logger } from '../log.js';

/** Every failure answers `{ error: { code, message } }`; nothing internal leaks to the client. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const failure = toParleyError(error);
    if (failure.code === ErrorCode.Internal) log.error({ err: error }, 'request failed');
    res.status(HTTP_STATUS[failure.code]).json({ error: failure.toBody() });
  };
}

function toParleyError(error: unknown): ParleyError {
  if (error instanceof ParleyError) return error;
  // body-parser marks its own failures with `type` and a 4xx `status`.
  const { type, status } = error as { type?: string; status?: number };
  if (type === 'entity.too.large') return new ParleyError(ErrorCode.TooLarge, 'request body is too large');
  if (type === 'entity.parse.failed') return new ParleyError(ErrorCode.BadRequest, 'request body is not valid JSON');
  if (status && status >= 400 && status < 500) return new ParleyError(ErrorCode.BadRequest, 'malformed request');
  return new ParleyError(ErrorCode.Internal, 'internal error');
}
