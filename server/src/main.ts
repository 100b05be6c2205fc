import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';
import { createParleyServer } from './server.js';

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
  const server = createParleyServer(config, log, clientDir);
  const address = await server.listen();
  log.info(
    {
      port: address.port,
      host: address.address,
      url: `http://${config.HOST}:${address.port}`,
      dataDir: path.resolve(config.DATA_DIR),
    },
    'listening',
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    server.close().then(
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
}

void main();
