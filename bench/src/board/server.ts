import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnBuiltServer, withTimeout, type BuiltServer } from '@parley/devkit';

export interface ParleyServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `ws://127.0.0.1:<port>/yjs`, the base the stock provider appends a doc name to. */
  wsUrl: string;
  /** SIGTERM, SIGKILL if it lingers, then removes its data. */
  stop(): Promise<void>;
  /** SIGKILL at once and remove its data, for the run's deadline. */
  kill(): void;
}

const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * The real, built server in a child process: 127.0.0.1, a port the OS picks, SQLite in
 * a fresh temporary directory, every other setting at its default (the client sees the
 * limits a real deployment has).
 */
export async function startParley(): Promise<ParleyServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-board-bench-'));
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  let server: BuiltServer;
  try {
    server = await spawnBuiltServer({ dataDir, startTimeoutMs: START_TIMEOUT_MS });
  } catch (error) {
    removeData();
    throw error;
  }
  const { proc, port, exited } = server;
  const kill = () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  };

  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/yjs`,
    kill() {
      kill();
      removeData();
    },
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await withTimeout(exited, STOP_TIMEOUT_MS, 'the server to exit').catch(async () => {
        kill();
        await exited;
      });
      removeData();
    },
  };
}
