import pino from 'pino';

/**
 * Structured JSON logs on stdout. Tokens must never reach a log: requests are logged
 * without query strings or bodies, and the redact list catches any slip.
 *
 * Lines are written synchronously, as Node writes its own stdout to a pipe: each is out
 * before the next statement runs, so a crash or `kill -9` never eats the last ones. It
 * also keeps the exit clean: pino's asynchronous stream flushes what it still holds as
 * the process exits, and once nothing reads stdout (a log shipper gone) that flush
 * retries a broken pipe forever, so the process never exits. The server logs little
 * (nothing per edit), so writing in place costs nothing measurable.
 */
export function createLogger(level: string) {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ['token', '*.token', 'memberToken', '*.memberToken', 'adminToken', 'authorization', '*.authorization'],
        censor: '[redacted]',
      },
    },
    pino.destination({ dest: 1, sync: true }),
  );
}
export type Logger = ReturnType<typeof createLogger>;
