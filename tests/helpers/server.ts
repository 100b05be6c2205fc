import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVER_MAIN, spawnBuiltServer, type BuiltServer, type Exit } from '@parley/devkit';
import { trackServer } from './cleanup.js';
import { withTimeout } from './wait.js';

export { SERVER_MAIN, type Exit };

/**
 * Runs the real, built server (`server/dist/main.js`) as a child process on an
 * ephemeral port bound to 127.0.0.1, with its own data directory. Tests talk to it only
 * over the wire, as any client would.
 */

const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;

export interface StartOptions {
  /** Reuse a data directory (e.g. to start a second server on old data); default a fresh temp dir. */
  dataDir?: string;
  /** Extra environment, e.g. limits such as `MAX_FRAME_BYTES`, or `LOG_LEVEL` (default info). */
  env?: Record<string, string>;
}

export interface TestServer {
  /** The current port; kept across `restart()` unless asked otherwise. */
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** `ws://127.0.0.1:<port>/yjs`, the base the stock provider appends a doc name to. */
  readonly wsUrl: string;
  readonly dataDir: string;
  readonly proc: ChildProcess;
  /** Every stdout line of every process this server ran, in order. */
  readonly logs: string[];
  /** SIGTERM, then wait for the exit (graceful shutdown). */
  stop(): Promise<Exit>;
  /** SIGKILL: no shutdown code runs, like a power cut. */
  kill9(): Promise<Exit>;
  /**
   * Stops the process if it still runs (SIGTERM) and starts a new one on the same data
   * directory and, by default, the same port, as an operator's restart would: clients
   * (and browsers, which cannot follow a port change) reconnect by themselves. `env`
   * changes settings from then on, as an operator's edited configuration would.
   */
  restart(options?: { newPort?: boolean; env?: Record<string, string> }): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'parley-test-'));
  const env = { ...options.env };
  const logs: string[] = [];
  let current = await spawnServer(dataDir, env, logs);

  const terminate = async (signal: NodeJS.Signals): Promise<Exit> => {
    const { proc, exited } = current;
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    try {
      return await withTimeout(exited, STOP_TIMEOUT_MS, `the server to exit after ${signal}`);
    } catch (error) {
      proc.kill('SIGKILL');
      await exited;
      throw error;
    }
  };

  const server: TestServer = {
    get port() {
      return current.port;
    },
    get url() {
      return `http://127.0.0.1:${current.port}`;
    },
    get wsUrl() {
      return `ws://127.0.0.1:${current.port}/yjs`;
    },
    get proc() {
      return current.proc;
    },
    dataDir,
    logs,
    stop: () => terminate('SIGTERM'),
    kill9: () => terminate('SIGKILL'),
    async restart({ newPort = false, env: changed = {} } = {}) {
      const port = current.port;
      await terminate('SIGTERM');
      Object.assign(env, changed);
      current = await spawnServer(dataDir, newPort ? env : { ...env, PORT: String(port) }, logs);
    },
  };

  trackServer(async () => {
    try {
      await terminate('SIGTERM');
    } finally {
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  });
  return server;
}

function spawnServer(dataDir: string, env: Record<string, string>, logs: string[]): Promise<BuiltServer> {
  return spawnBuiltServer({ dataDir, env, onLog: (line) => logs.push(line), startTimeoutMs: START_TIMEOUT_MS });
}

/**
 * Starts the built server on `dataDir` with `env` (over a port of 0 on 127.0.0.1) and
 * waits for it to exit on its own: for a server that must refuse to start.
 */
export function runUntilRefused(
  dataDir: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return runToExit(
    SERVER_MAIN,
    [],
    { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    `the server to refuse to start with ${JSON.stringify(env)}`,
  );
}

/**
 * Runs a built script (the server, the backup) with `args` and only `env` besides PATH,
 * and waits for it to end, collecting stdout and stderr. One still running after 10 s
 * is killed and fails the test with what it printed.
 */
export async function runToExit(
  script: string,
  args: string[],
  env: Record<string, string>,
  what: string,
): Promise<{ code: number | null; output: string }> {
  const proc = spawn(process.execPath, [script, ...args], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await withTimeout(
    new Promise<number | null>((resolve) => proc.once('exit', (c) => resolve(c))),
    10_000,
    what,
  )
    .catch((error: Error) => {
      throw new Error(`${error.message}\n--- output ---\n${output}`);
    })
    .finally(() => proc.kill('SIGKILL'));
  return { code, output };
}
