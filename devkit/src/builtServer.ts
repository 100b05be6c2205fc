import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { withTimeout } from './timeouts.js';

/** The built server; `PARLEY_SERVER_MAIN` points at another build (e.g. an older one, to see a test fail). */
export const SERVER_MAIN =
  process.env.PARLEY_SERVER_MAIN ?? fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BuiltServer {
  proc: ChildProcess;
  /** The port it logged as listening on. */
  port: number;
  /** Settles once the process has exited, however it ended. */
  exited: Promise<Exit>;
}

export interface SpawnOptions {
  dataDir: string;
  /** More environment: limits, `LOG_LEVEL` (default info), `PORT` (default 0: the OS picks). */
  env?: Record<string, string>;
  /** Every line the server writes to stdout (its JSON log), in order. */
  onLog?: (line: string) => void;
  startTimeoutMs?: number;
}

const live = new Set<ChildProcess>();
// Last resort when the parent exits without stopping its servers: no orphans.
process.on('exit', () => {
  for (const proc of live) proc.kill('SIGKILL');
});

/**
 * Runs the real, built server (`server/dist/main.js`) in a child process bound to
 * 127.0.0.1 with its own data directory, and resolves once it logs that it listens.
 * One that exits or stays silent is killed, and the error carries its last output.
 */
export async function spawnBuiltServer(options: SpawnOptions): Promise<BuiltServer> {
  if (!existsSync(SERVER_MAIN)) {
    throw new Error(`${SERVER_MAIN} does not exist; build the server first: npx tsc -b server`);
  }
  const proc = spawn(process.execPath, [SERVER_MAIN], {
    env: { ...parentEnv(), LOG_LEVEL: 'info', PORT: '0', ...options.env, HOST: '127.0.0.1', DATA_DIR: options.dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(proc);
  const exited = new Promise<Exit>((resolve) => {
    proc.once('exit', (code, signal) => {
      live.delete(proc);
      resolve({ code, signal });
    });
  });
  // The last lines of both streams, to explain a server that fails to start.
  const tail: string[] = [];
  const keep = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
  };
  createInterface({ input: proc.stderr! }).on('line', keep);
  const listening = new Promise<number>((resolve, reject) => {
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      keep(line);
      options.onLog?.(line);
      const port = listeningPort(line);
      if (port !== null) resolve(port);
    });
    void exited.then((exit) => reject(new Error(`the server exited (${JSON.stringify(exit)}) before listening`)));
  });

  try {
    const port = await withTimeout(listening, options.startTimeoutMs ?? 20_000, 'the server to log "listening"');
    return { proc, port, exited };
  } catch (error) {
    proc.kill('SIGKILL');
    await exited;
    throw new Error(`${(error as Error).message}\n--- server output ---\n${tail.join('\n')}`);
  }
}

/** This process's environment without what a test runner or a profiler injects for itself. */
function parentEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

/** The port of the server's `listening` log line, or null for any other line. */
function listeningPort(line: string): number | null {
  if (!line.includes('"msg":"listening"')) return null;
  try {
    const entry = JSON.parse(line) as { msg?: unknown; port?: unknown };
    return entry.msg === 'listening' && typeof entry.port === 'number' ? entry.port : null;
  } catch {
    return null;
  }
}
