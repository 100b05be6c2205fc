import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { SERVER_MAIN } from './config.js';
import { withTimeout } from '../timeouts.js';

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
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  delete env.NODE_OPTIONS;
  const proc = spawn(process.execPath, [SERVER_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  // The last lines, to explain a server that fails to start.
  const tail: string[] = [];
  const keep = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
  };
  createInterface({ input: proc.stderr }).on('line', keep);
  const listening = new Promise<number>((resolve, reject) => {
    createInterface({ input: proc.stdout }).on('line', (line) => {
      keep(line);
      const port = listeningPort(line);
      if (port !== null) resolve(port);
    });
    void exited.then(() => reject(new Error('the server exited before listening')));
  });

  const kill = () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  };
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });

  let port: number;
  try {
    port = await withTimeout(listening, START_TIMEOUT_MS, 'the server to log "listening"');
  } catch (error) {
    kill();
    await exited;
    removeData();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${tail.join('\n')}`);
  }

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

function listeningPort(line: string): number | null {
  if (!line.includes('"msg":"listening"')) return null;
  try {
    const entry = JSON.parse(line) as { msg?: unknown; port?: unknown };
    return entry.msg === 'listening' && typeof entry.port === 'number' ? entry.port : null;
  } catch {
    return null;
  }
}
