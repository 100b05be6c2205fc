import pino from 'pino';

/**
 * Structured JSON logs on stdout. Tokens must never reach a log: requests are logged
 * without query strings or bodies, and the redact list catches any slip.
 */
export function createLogger(level: string) {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: ['token', '*.token', 'memberToken', '*.memberToken', 'adminToken', 'authorization', '*.authorization'],
      censor: '[redacted]',
    },
  });
}
export type Logger = ReturnType<typeof createLogger>;
