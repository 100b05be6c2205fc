/**
 * `npm run bench`: runs every load shape against the reference y-websocket server,
 * Hocuspocus and Parley, one after the other, each in a fresh server process with a
 * load generator in a process of its own; prints the side-by-side table and writes
 * bench/results/latest.{json,md}.
 *
 * Options: --quick (or BENCH_QUICK=1) for a smoke run; BENCH_SECONDS for the measuring
 * window of each shape; BENCH_WARMUP_SECONDS for the editing before it (not measured);
 * --servers=parley,reference and --shapes=<substring> to narrow; --rounds=N (or
 * BENCH_ROUNDS) to run every server N times per shape and report medians.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuMs, loadAverage, machineBusyMs, mainThreadCpuMs, rssBytes } from './proc.js';
import { figuresOf, markdown, type Figures, type RunResult } from './report.js';
import { combineRounds, roundOrder } from './rounds.js';
import { REPO_ROOT, startServer, type RunningServer } from './servers.js';
import { FULL_SHAPES, QUICK_SHAPES } from './shapes.js';
import { sleep } from '@parley/devkit';
import { SERVERS, SERVER_LABEL, type LoadConfig, type LoadMessage, type ServerKind, type Shape } from './types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const LOAD_BIN = path.join(here, 'load.js');
/**
 * The load generator's runtime, the same for every server measured. Every client of a
 * shape lives in that one process, and a full collection of its heap (a pause, and the
 * collector's threads on both cores) delays the deliveries around it by 5–20 ms,
 * whichever server is measured: whenever one fell inside a window, its deliveries were
 * most of that window's slowest, and whether one did was a matter of chance. With room
 * for a 1 GB old generation before its first full collection, the few MB a run promotes
 * never call for one. The orchestrator's own flags are passed on too (a --cpu-prof of a
 * run profiles both processes).
 */
const LOAD_NODE_FLAGS = [...process.execArgv, '--initial-old-space-size=1024'];
const RESULTS_DIR = path.join(REPO_ROOT, 'bench/results');

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = args.includes('--quick') || process.env.BENCH_QUICK === '1';
const seconds = Number(process.env.BENCH_SECONDS ?? (quick ? 3 : 15));
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? (quick ? 0 : 15));
const servers = (option('servers')?.split(',') ?? [...SERVERS]) as ServerKind[];
const shapeFilter = option('shapes');
const rounds = Math.max(1, Number(option('rounds') ?? process.env.BENCH_ROUNDS ?? 1));
const shapes = (quick ? QUICK_SHAPES : FULL_SHAPES).filter((s) => !shapeFilter || s.name.includes(shapeFilter));

const retries = Number(process.env.BENCH_RETRIES ?? (quick ? 0 : 2));
/** Other processes may use this much of one core during a window before it is run again. */
const FOREIGN_CPU_LIMIT = 0.15;

/**
 * Waits (up to `maxMs`) until the machine has been nearly idle for a second: between
 * two runs nothing of the benchmark's is running, so whatever is busy is someone else.
 */
async function waitForQuiet(maxMs: number): Promise<number> {
  const until = Date.now() + maxMs;
  for (;;) {
    const busy0 = machineBusyMs();
    await sleep(1000);
    const busy = machineBusyMs() - busy0;
    if (busy < 100 || Date.now() > until) return busy / 1000;
  }
}

/**
 * The server's resident memory once start-up has settled: a freshly started Node
 * process keeps giving pages back for several seconds (idle, Parley's falls by ~18 MB
 * between 2 s and 8 s after start), which would otherwise be subtracted from the load's
 * growth. So the baseline waits for 10 s of uptime, then for two equal readings.
 */
async function settledRss(server: RunningServer, startedAt: number): Promise<number> {
  if (!quick) await sleep(Math.max(0, startedAt + 10_000 - Date.now()));
  let last = 0;
  for (let i = 0; i < (quick ? 1 : 10); i++) {
    await server.collectGarbage();
    const rss = rssBytes(server.pid);
    if (Math.abs(rss - last) < rss * 0.005) return rss;
    last = rss;
  }
  return last;
}

/** Runs one shape against one fresh server process. */
async function runOne(server: ServerKind, shape: Shape): Promise<RunResult> {
  const slug = `${server}-${shape.name.replace(/[^a-z0-9]+/gi, '-')}`.toLowerCase();
  const startedAt = Date.now();
  const running = await startServer(server, shape, slug, path.join(RESULTS_DIR, 'logs'));
  const result: Omit<RunResult, 'figures'> = {
    server,
    shape,
    load: null,
    error: null,
    serverCpuMs: 0,
    serverMainThreadCpuMs: 0,
    baselineRssBytes: 0,
    rssBytes: 0,
    rssBeforeGcBytes: 0,
    peakRssBytes: 0,
    loadAverage: loadAverage(),
    foreignCores: 0,
  };
  const child = fork(LOAD_BIN, [], { execArgv: LOAD_NODE_FLAGS, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    result.baselineRssBytes = await settledRss(running, startedAt);
    const messages: LoadMessage[] = [];
    let wake: (() => void) | null = null;
    child.on('message', (m: LoadMessage) => {
      messages.push(m);
      wake?.();
    });
    const exited = once(child, 'exit');
    const next = async (type: LoadMessage['type'], timeoutMs: number): Promise<LoadMessage> => {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const i = messages.findIndex((m) => m.type === type || m.type === 'error');
        if (i >= 0) {
          const m = messages.splice(i, 1)[0]!;
          if (m.type === 'error') throw new Error(m.message);
          return m;
        }
        if (child.exitCode !== null) throw new Error(`the load generator exited with ${child.exitCode}`);
        if (Date.now() > until) throw new Error(`no '${type}' from the load generator within ${timeoutMs} ms`);
        await Promise.race([new Promise<void>((resolve) => (wake = resolve)), sleep(250)]);
      }
    };
    const config: LoadConfig = { server, base: running.base, shape, seconds, warmupSeconds, connectConcurrency: 32 };
    child.send({ type: 'config', config });
    await next('ready', 300_000);

    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(running.pid))), 250);
    child.send({ type: 'go' });
    if (shape.kind === 'edit' && warmupSeconds > 0) await next('measuring', warmupSeconds * 1000 + 60_000);
    const cpu0 = cpuMs(running.pid);
    const main0 = mainThreadCpuMs(running.pid);
    const load0 = cpuMs(child.pid!);
    const busy0 = machineBusyMs();
    const t0 = performance.now();
    await next('stopped', seconds * 1000 + 300_000);
    clearInterval(sampler);
    result.serverCpuMs = cpuMs(running.pid) - cpu0;
    result.serverMainThreadCpuMs = mainThreadCpuMs(running.pid) - main0;
    const foreignMs = machineBusyMs() - busy0 - result.serverCpuMs - (cpuMs(child.pid!) - load0);
    result.foreignCores = Math.max(0, foreignMs / (performance.now() - t0));
    result.rssBeforeGcBytes = rssBytes(running.pid);
    result.peakRssBytes = Math.max(peak, result.rssBeforeGcBytes);
    await running.collectGarbage();
    result.rssBytes = rssBytes(running.pid);

    child.send({ type: 'finish' });
    const done = await next('result', 120_000);
    if (done.type === 'result') result.load = done.result;
    await exited;
  } catch (error) {
    result.error = (error as Error).message;
    child.kill('SIGKILL');
  } finally {
    await running.stop();
  }
  return { ...result, figures: figuresOf(result) };
}

function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

/** One window of one server on one shape, run again while other processes disturb it. */
async function runWindow(server: ServerKind, shape: Shape): Promise<RunResult> {
  for (let attempt = 0; ; attempt++) {
    const busy = await waitForQuiet(quick ? 0 : 120_000);
    if (busy >= 0.1) process.stdout.write(`bench: warning: ${busy.toFixed(2)} cores busy before the run\n`);
    const r = await runOne(server, shape);
    if (r.foreignCores <= FOREIGN_CPU_LIMIT || attempt >= retries) return r;
    process.stdout.write(
      `  ${shape.name.padEnd(30)} ${SERVER_LABEL[server].padEnd(26)} other processes used ${r.foreignCores.toFixed(2)} cores: again\n`,
    );
  }
}

/** The first wave's sync and handshake, into the freshly started server, where a shape has one. */
const startup = (f: Figures): string =>
  f.startupFirstSyncP99 === null
    ? ''
    : `; at start-up ${f.startupFirstSyncP99.toFixed(1)}, handshake p50 ${f.startupHandshakeP50?.toFixed(1) ?? '—'}`;

/** The progress line's figures for one window. */
function progress(r: RunResult): string {
  const f = r.figures;
  const figures = f
    ? `lost ${f.lost}, p99 ${f.latencyP99?.toFixed(1) ?? '—'} ms, sync p99 ${f.firstSyncP99.toFixed(1)} ms (handshake p50 ${f.handshakeP50.toFixed(1)}${startup(f)}), ` +
      `cpu/1k ${f.cpuMsPer1kDeliveries?.toFixed(0) ?? '—'} ms (main thread ${f.mainThreadCpuMsPer1kDeliveries?.toFixed(0) ?? '—'}), rss/room ${f.rssKbPerRoom.toFixed(0)} KB`
    : `FAILED: ${r.error}`;
  return `${figures}, others ${r.foreignCores.toFixed(2)} cores`;
}

async function main(): Promise<void> {
  fs.mkdirSync(path.join(RESULTS_DIR, 'logs'), { recursive: true });
  const startLoad = loadAverage();
  const info = machine();
  process.stdout.write(
    `bench: ${quick ? 'quick' : 'full'} run, ${warmupSeconds} s warm-up and ${seconds} s per shape, ${info.cpus} cores, node ${info.node}, load average ${startLoad.join(' ')}\n`,
  );
  if (startLoad[0] > 0.5 * info.cpus) {
    process.stdout.write('bench: warning: the machine is already busy; the figures will be noisy\n');
  }
  const results: RunResult[] = [];
  for (const shape of shapes) {
    const byServer = new Map<ServerKind, RunResult[]>(servers.map((server) => [server, []]));
    for (let round = 0; round < rounds; round++) {
      for (const server of roundOrder(servers, round)) {
        const started = Date.now();
        const r = await runWindow(server, shape);
        byServer.get(server)!.push(r);
        const label = `${shape.name.padEnd(30)} ${SERVER_LABEL[server].padEnd(26)}${rounds > 1 ? ` round ${round + 1}/${rounds}` : ''}`;
        process.stdout.write(`  ${label} ${progress(r)} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
      }
    }
    for (const server of servers) results.push(combineRounds(byServer.get(server)!));
  }
  const table = markdown(results, shapes);
  const report = {
    when: new Date().toISOString(),
    quick,
    seconds,
    warmupSeconds,
    rounds,
    machine: info,
    loadAverage: { start: startLoad, end: loadAverage() },
    results,
  };
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  const header =
    `${quick ? 'Quick' : 'Full'} run ${report.when}, ${seconds} s window per shape after ${warmupSeconds} s of warm-up` +
    `${rounds > 1 ? `, ${rounds} rounds per server (medians; ratios of single rounds in brackets)` : ''}; ${info.cpus} × ${info.cpuModel}, ` +
    `${info.memoryGiB} GiB, node ${info.node}; load average ${startLoad.join(' ')} before, ${report.loadAverage.end.join(' ')} after.`;
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.md'), `${header}\n\n${table}\n`);
  process.stdout.write(`\n${header}\n\n${table}\n\nwritten: bench/results/latest.json, bench/results/latest.md\n`);
  const failed = results.some((r) => r.error || !r.figures);
  process.exitCode = failed ? 1 : 0;
}

await main();
