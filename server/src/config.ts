import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/**
 * Environment variables, parsed once at start-up. A bad value stops the process with
 * a message naming the variable, instead of running with a surprise.
 */
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** A comma-separated list, blanks around entries and empty entries dropped. */
const commaList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    );

const envSchema = z.object({
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Base of invite links; defaults to http://HOST:PORT. */
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest WebSocket frame accepted on /yjs. */
  MAX_FRAME_BYTES: int(1024, 64 * 1024 * 1024).default(1024 * 1024),
  /** Largest encoded state a document may grow to. */
  MAX_DOC_BYTES: int(1024, 1024 * 1024 * 1024).default(16 * 1024 * 1024),
  /** Sustained messages per second per connection, with a burst of twice that. */
  MAX_MESSAGES_PER_SECOND: int(1, 100_000).default(100),
  /** Sustained control-plane (socket.io) events per second per socket, with a burst of twice that. */
  MAX_CONTROL_EVENTS_PER_SECOND: int(1, 100_000).default(20),
  MAX_CONNECTIONS_PER_ROOM: int(1, 100_000).default(200),
  MAX_ROOMS_LOADED: int(1, 1_000_000).default(10_000),
  /** Compact a document into a snapshot once it has this many stored updates. */
  COMPACT_AFTER_UPDATES: int(10, 1_000_000).default(500),
  /** Rooms a single address may create per hour. */
  ROOMS_PER_HOUR_PER_ADDRESS: int(1, 100_000).default(60),
  /**
   * Comma-separated addresses or subnets of the reverse proxies in front of the server,
   * whose X-Forwarded-For names the client (for the per-address limit); `loopback`,
   * `linklocal` and `uniquelocal` name ranges. Empty: the connecting address counts.
   */
  TRUST_PROXY: commaList('loopback').refine((entries) => entries.every(isProxyEntry), {
    message: 'a comma-separated list of IP addresses, subnets (10.0.0.0/8), loopback, linklocal or uniquelocal',
  }),
  /** Comma-separated origins allowed to open /yjs and socket.io; empty = same host only. */
  ALLOWED_ORIGINS: commaList(''),
  /** Cap on the database file's size; 0 = no cap. Writes past it are refused (4503), never half-applied. */
  MAX_DB_BYTES: int(0, Number.MAX_SAFE_INTEGER).default(0),
  /** Delay before an idle room's documents are unloaded from memory. */
  UNLOAD_AFTER_MS: int(0, 3_600_000).default(30_000),
  /** Every /yjs connection is pinged once in this period; one that has not answered the previous ping is dropped. */
  KEEPALIVE_MS: int(300, 3_600_000).default(30_000),
  /** When set, GET /metrics asks for `Authorization: Bearer <METRICS_TOKEN>`; unset, it is open. */
  METRICS_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,128}$/, '16 to 128 letters, digits, "-" or "_"')
    .optional(),
  /**
   * Run the join path once through a throwaway server before listening (warmUp.ts), so
   * the people who reconnect right after a restart do not wait for code to compile.
   */
  WARM_UP: z.enum(['on', 'off']).default('on'),
  /** Length of a pulse-schedule "minute"; only tests shorten it, to see schedules fire. */
  PULSE_MINUTE_MS: int(100, 3_600_000).default(60_000),
});

export type Config = z.infer<typeof envSchema> & {
  DB_FILE: string;
  /** Pulse checks have their own file, with stricter storage rules (see server/src/pulse/store.ts). */
  PULSE_DB_FILE: string;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    ...c,
    DB_FILE: path.join(c.DATA_DIR, 'parley.sqlite'),
    PULSE_DB_FILE: path.join(c.DATA_DIR, 'pulses.sqlite'),
  };
}

/** What Express's `trust proxy` takes: a named range, an address, or a subnet. */
function isProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}
