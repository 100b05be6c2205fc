import { ErrorCode, type ErrorBody } from '@parley/shared';

/** A failure with a code from the shared contract; handlers turn it into an ack or HTTP error. */
export class ParleyError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ParleyError';
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message };
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
  already_answered: 409,
  pulse_not_open: 409,
  storage_unavailable: 503,
  internal: 500,
};

/** How many of a payload's problems an error names, and how long each may be told. */
const ISSUES_TOLD = 5;
const ISSUE_CHARS = 200;

/**
 * Formats a zod error as one readable line for clients. Bounded: a payload with
 * thousands of unknown keys must not be answered with a message ten times its size.
 */
export function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const told = issues.slice(0, ISSUES_TOLD).map((i) => {
    const line = i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message;
    return line.length > ISSUE_CHARS ? `${line.slice(0, ISSUE_CHARS)}…` : line;
  });
  if (issues.length > ISSUES_TOLD) told.push(`and ${issues.length - ISSUES_TOLD} more`);
  return told.join('; ');
}

export function badRequest(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): ParleyError {
  return new ParleyError(ErrorCode.BadRequest, describeIssues(issues));
}
