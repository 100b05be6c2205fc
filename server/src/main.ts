import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './log.js';
import { createParleyServer, type ParleyServer } from './server.js';
import { DataDirInUse } from './storage/dataDirLock.js';
import { warmUpJoinPath } from './warmUp.js';

/** `node server/dist/main.js`: read the environment, serve, shut down gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`parley: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.LOG_LEVEL);
  const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/dist');
  let server: ParleyServer;
  try {
    server = createParleyServer(config, log, clientDir);
  } catch (error) {
    failedToStart(error, config);
  }
  // From here on a signal shuts the server down, also while it is still starting: a
  // supervisor may stop it at any moment, and a signal with no handler would end the
  // process on the spot, leaving the warm-up's temporary directory behind.
  const stopRequested = new AbortController();
  const stop = (signal: string) => {
    if (stopRequested.signal.aborted) return;
    log.info({ signal }, 'shutting down');
    stopRequested.abort();
    // Whatever is under way finishes or is cut short first: the warm-up cleans up after itself.
    // (A signal is handled from the event loop, so `starting`, set below, always exists by then.)
    starting
      .catch(() => undefined)
      .then(() => server.close())
      .then(
        () => {
          log.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  // The warm-up, then listening, unless a stop was asked for meanwhile.
  const starting = (async () => {
    // After the data directory is locked and opened, so a server that cannot start says so at once.
    if (config.WARM_UP === 'on') {
      const { ms, delivered } = await warmUpJoinPath(log, undefined, stopRequested.signal);
      if (!stopRequested.signal.aborted) {
        log.info({ ms: Math.round(ms), delivered }, 'ran the join path before listening');
      }
    }
    return stopRequested.signal.aborted ? null : server.listen();
  })();
  let address: AddressInfo | null;
  try {
    address = await starting;
  } catch (error) {
    failedToStart(error, config);
  }
  // Stopped while starting: the shutdown above takes it from here.
  if (!address || stopRequested.signal.aborted) return;
  log.info(
    {
      port: address.port,
      host: address.address,
      url: `http://${config.HOST}:${address.port}`,
      dataDir: path.resolve(config.DATA_DIR),
    },
    'listening',
  );
}

/** Exits with the one-line reason for a start-up failure the operator can fix; rethrows anything else. */
function failedToStart(error: unknown, config: Config): never {
  const reason = startupFailure(error, config);
  if (!reason) throw error;
  process.stderr.write(`parley: ${reason}\n`);
  process.exit(2);
}

/** A start-up failure the operator can fix, told in one line; anything else is a crash with its stack. */
function startupFailure(error: unknown, config: Config): string | null {
  if (error instanceof DataDirInUse) return error.message;
  const { code, syscall, path: at, message } = (error ?? {}) as NodeJS.ErrnoException;
  const address = `${config.HOST}:${config.PORT}`;
  if (syscall === 'listen') {
    if (code === 'EADDRINUSE') return `${address} is already in use; choose another PORT`;
    if (code === 'EACCES') return `not permitted to listen on ${address}; choose a PORT above 1023`;
    if (code === 'EADDRNOTAVAIL') return `${config.HOST} is not an address of this machine; check HOST`;
    return null;
  }
  const dataDir = path.resolve(config.DATA_DIR);
  // The data directory: not creatable, not a directory, read-only, or a file SQLite cannot open.
  if (at || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') {
    return `cannot use the data directory ${dataDir} (${message}); check DATA_DIR`;
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return `a database file in ${dataDir} is damaged (${message}); restore it from a backup`;
  }
  return null;
}

void main();
