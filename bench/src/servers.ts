import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ServerKind, Shape } from './types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../..');
const require = createRequire(import.meta.url);

/** The reference server's own bin, run directly so the child's pid is the server's. */
const REFERENCE_BIN = path.resolve(
  process.env.REFERENCE_MAIN ||
    path.join(path.dirname(require.resolve('@y/websocket-server/package.json')), 'src/server.js'),
);
const HOCUSPOCUS_BIN = path.join(here, 'hocuspocusServer.js');
/** PARLEY_MAIN points the benchmark at another build of the server, e.g. a candidate change. */
export const PARLEY_BIN = path.resolve(process.env.PARLEY_MAIN || path.join(REPO_ROOT, 'server/dist/main.js'));
const EXIT_ON_SIGNAL = path.join(here, 'exitOnSignal.js');
const GC_ON_SIGNAL = path.join(here, 'gcOnSignal.js');

/** BENCH_PROFILE=parley (or reference, hocuspocus, all): run that server under --cpu-prof. */
function profileArgs(kind: ServerKind, slug: string): string[] {
  const wanted = (process.env.BENCH_PROFILE ?? '').split(',');
  if (!wanted.includes(kind) && !wanted.includes('all')) return [];
  // A directory per run: every thread writes a profile of its own (Node names them
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; the main thread is thread 0).
  const dir = path.join(REPO_ROOT, 'bench/results/profiles', slug);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    // The reference server has no SIGTERM handler; the others exit cleanly on their own.
    ...(kind === 'reference' ? ['--import', pathToFileURL(EXIT_ON_SIGNAL).href] : []),
  ];
}

export interface RunningServer {
  kind: ServerKind;
  pid: number;
  base: string;
  /** Asks the server for a full garbage collection (see gcOnSignal.ts) and gives it time to finish. */
  collectGarbage(): Promise<void>;
  /** SIGTERM, then SIGKILL if the process lingers; removes its temporary data. */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Parley with its real SQLite storage in a fresh directory, its limits raised so the
 * load is measured rather than refused.
 */
function parleyEnv(port: number, dataDir: string, shape: Shape): NodeJS.ProcessEnv {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    MAX_MESSAGES_PER_SECOND: '100000',
    MAX_CONNECTIONS_PER_ROOM: '100000',
    MAX_ROOMS_LOADED: '1000000',
    ROOMS_PER_HOUR_PER_ADDRESS: '100000',
    // The cold join reads the document back from storage: it is unloaded as soon as
    // the seeding clients leave, instead of after the default 30 s.
    ...(shape.kind === 'coldJoin' ? { UNLOAD_AFTER_MS: '0' } : {}),
  };
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before listening`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`the server did not listen on ${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The Node.js flags `npm start` runs Parley with, read from the root package.json's
 * start script itself, so the benchmark measures the server as it is run and the two
 * cannot drift apart.
 */
function parleyStartFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const start = /\bnode((?:\s+--\S+)*)\s+server\/dist\/main\.js\b/.exec(pkg.scripts.start ?? '');
  if (!start) throw new Error('package.json: the start script no longer runs `node [flags] server/dist/main.js`');
  return start[1]!.split(/\s+/).filter(Boolean);
}

/**
 * Extra Node.js flags for one server only, from `BENCH_NODE_FLAGS_<KIND>` (for example
 * `BENCH_NODE_FLAGS_PARLEY="--max-semi-space-size=16"`), to measure a runtime setting on
 * one server while the others run exactly as before.
 */
function nodeFlags(kind: ServerKind): string[] {
  return (process.env[`BENCH_NODE_FLAGS_${kind.toUpperCase()}`] ?? '').split(/\s+/).filter(Boolean);
}

export async function startServer(
  kind: ServerKind,
  shape: Shape,
  slug: string,
  logDir: string,
): Promise<RunningServer> {
  const port = await freePort();
  let dataDir: string | null = null;
  let startFlags: string[] = [];
  let main: string;
  let env: NodeJS.ProcessEnv;
  if (kind === 'parley') {
    if (!fs.existsSync(PARLEY_BIN)) throw new Error(`${PARLEY_BIN} is missing: build the server first (tsc -b server)`);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-'));
    startFlags = parleyStartFlags();
    main = PARLEY_BIN;
    env = parleyEnv(port, dataDir, shape);
  } else {
    main = kind === 'reference' ? REFERENCE_BIN : HOCUSPOCUS_BIN;
    env = { HOST: '127.0.0.1', PORT: String(port) };
  }
  const log = fs.openSync(path.join(logDir, `${slug}.log`), 'w');
  const instrument = ['--expose-gc', '--import', pathToFileURL(GC_ON_SIGNAL).href];
  // The extra flags come after the start script's: of two values of one V8 flag the last
  // wins, and BENCH_NODE_FLAGS_PARLEY="--max-semi-space-size=16" must be able to replace 8.
  const flags = [...instrument, ...startFlags, ...nodeFlags(kind), ...profileArgs(kind, slug)];
  const child = spawn(process.execPath, [...flags, main], {
    cwd: REPO_ROOT,
    // The caller's environment passes through (so a server setting can be tried from the
    // command line); the settings the benchmark depends on override it.
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForPort(port, child, 20_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    kind,
    pid: child.pid!,
    base: `http://127.0.0.1:${port}`,
    async collectGarbage() {
      // Twice, apart: the first collection after start-up frees the module loading's
      // garbage, and V8 returns the pages to the system only on a later one.
      for (let i = 0; i < 2; i++) {
        child.kill('SIGUSR2');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
