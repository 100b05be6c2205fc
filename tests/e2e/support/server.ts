import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { trackServer } from '../../helpers/cleanup.js';
import { SERVER_MAIN } from '../../helpers/server.js';
import { withTimeout } from '../../helpers/wait.js';

/**
 * The real, built server for browser tests. Unlike the integration helper, it keeps one
 * port for its whole life: a page cannot follow a server to a new port, so a restart
 * must come back where the browser left it, as a real deployment does.
 */

const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;

export interface AppServer {
  readonly port: number;
  /** `http://127.0.0.1:<port>`, the origin every page is opened on. */
  readonly url: string;
  readonly dataDir: string;
  /** Every stdout and stderr line of every process this server ran, in order. */
  readonly logs: string[];
  /** SIGTERM and wait for the exit, then start again on the same port and data directory. */
  restart(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** Starts a stopped server again, on the same port and data directory. */
  start(): Promise<void>;
}

export interface AppServerOptions {
  /** Extra environment, e.g. `PULSE_MINUTE_MS`. */
  env?: Record<string, string>;
}

/** A port nobody listens on right now, for the server to keep across restarts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port was assigned');
  return address.port;
}

interface Running {
  proc: ChildProcess;
  exited: Promise<void>;
}

const live = new Set<ChildProcess>();
// Last resort when a worker exits without running its hooks: no orphan servers.
process.on('exit', () => {
  for (const proc of live) proc.kill('SIGKILL');
});

function runnerFreeEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

async function spawnOn(port: number, dataDir: string, extra: Record<string, string>, logs: string[]): Promise<Running> {
  const proc = spawn(process.execPath, [SERVER_MAIN], {
    env: {
      ...runnerFreeEnv(),
      LOG_LEVEL: 'warn',
      ...extra,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(proc);
  const exited = new Promise<void>((resolve) => {
    proc.once('exit', () => {
      live.delete(proc);
      resolve();
    });
  });
  createInterface({ input: proc.stderr! }).on('line', (line) => logs.push(line));
  // The listening line is logged at info; with LOG_LEVEL above that, readiness is polled.
  createInterface({ input: proc.stdout! }).on('line', (line) => logs.push(line));
  try {
    await withTimeout(untilHealthy(port, exited), START_TIMEOUT_MS, `the server to answer on port ${port}`);
    return { proc, exited };
  } catch (error) {
    proc.kill('SIGKILL');
    await exited;
    throw new Error(`${(error as Error).message}\n--- server output ---\n${logs.slice(-30).join('\n')}`);
  }
}

async function untilHealthy(port: number, exited: Promise<void>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error('the server exited before it answered');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts the server on a free port with a fresh data directory; stopped and removed after the file. */
export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} does not exist; run npm run build first`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-e2e-'));
  const port = await freePort();
  const env = options.env ?? {};
  const logs: string[] = [];
  let current = await spawnOn(port, dataDir, env, logs);

  const stop = async () => {
    const { proc, exited } = current;
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
    try {
      await withTimeout(exited, STOP_TIMEOUT_MS, 'the server to exit after SIGTERM');
    } catch (error) {
      proc.kill('SIGKILL');
      await exited;
      throw error;
    }
  };

  trackServer(async () => {
    try {
      await stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    logs,
    stop,
    async start() {
      if (current.proc.exitCode === null && current.proc.signalCode === null) throw new Error('already running');
      current = await spawnOn(port, dataDir, env, logs);
    },
    async restart() {
      await stop();
      current = await spawnOn(port, dataDir, env, logs);
    },
  };
}
