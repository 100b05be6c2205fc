import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { trackServer } from './cleanup.js';
import { withTimeout } from './wait.js';

/**
 * Runs the real, built server (`server/dist/main.js`) as a child process on an
 * ephemeral port bound to 127.0.0.1, with its own data directory. Tests talk to it only
 * over the wire, as any client would.
 */

/** The built server; `PARLEY_SERVER_MAIN` points the suite at another build (e.g. an older one, to see a test fail). */
export const SERVER_MAIN =
  process.env.PARLEY_SERVER_MAIN ?? fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;

export interface StartOptions {
  /** Reuse a data directory (e.g. to start a second server on old data); default a fresh temp dir. */
  dataDir?: string;
  /** Extra environment, e.g. limits such as `MAX_FRAME_BYTES`, or `LOG_LEVEL` (default info). */
  env?: Record<string, string>;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
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
   * (and browsers, which cannot follow a port change) reconnect by themselves.
   */
  restart(options?: { newPort?: boolean }): Promise<void>;
}

interface Running {
  proc: ChildProcess;
  port: number;
  exited: Promise<Exit>;
}

const live = new Set<ChildProcess>();
// Last resort when a worker exits without running its hooks: no orphan servers.
process.on('exit', () => {
  for (const proc of live) proc.kill('SIGKILL');
});

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  if (!existsSync(SERVER_MAIN)) {
    throw new Error(`${SERVER_MAIN} does not exist; build the server first: npx tsc -b server`);
  }
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
    async restart({ newPort = false } = {}) {
      const port = current.port;
      await terminate('SIGTERM');
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

async function spawnServer(dataDir: string, extraEnv: Record<string, string>, logs: string[]): Promise<Running> {
  const proc = spawn(process.execPath, [SERVER_MAIN], {
    env: { ...baseEnv(), LOG_LEVEL: 'info', PORT: '0', ...extraEnv, HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(proc);
  const exited = new Promise<Exit>((resolve) => {
    proc.once('exit', (code, signal) => {
      live.delete(proc);
      resolve({ code, signal });
    });
  });
  const stderr: string[] = [];
  createInterface({ input: proc.stderr! }).on('line', (line) => stderr.push(line));

  const listening = new Promise<number>((resolve, reject) => {
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      logs.push(line);
      const port = listeningPort(line);
      if (port !== null) resolve(port);
    });
    void exited.then((exit) => reject(new Error(`the server exited (${JSON.stringify(exit)}) before listening`)));
  });

  try {
    const port = await withTimeout(listening, START_TIMEOUT_MS, 'the server to log "listening"');
    return { proc, port, exited };
  } catch (error) {
    proc.kill('SIGKILL');
    await exited;
    const tail = [...logs.slice(-20), ...stderr.slice(-20)].join('\n');
    throw new Error(`${(error as Error).message}\n--- server output ---\n${tail}`);
  }
}

/** The runner's environment without what the runner injects for its own workers. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
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
