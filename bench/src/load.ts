/**
 * The load generator: a child process of the orchestrator, never of the server under
 * test. It sets up one shape against one server with real providers, reports 'ready',
 * runs the measuring window on 'go', reports 'stopped' once every edit has arrived (or
 * the drain timed out), then checks convergence on 'finish' and reports its result.
 */
import * as Y from 'yjs';
import { connectClient, type BenchClient, type Target } from './clients.js';
import { DeliveryTrace } from './deliveryTrace.js';
import { RenewalWatch } from './renewals.js';
import { Samples, percentiles } from './stats.js';
import { sleep, withTimeout } from '@parley/devkit';
import type {
  ColdJoinShape,
  ControlMessage,
  EditShape,
  LoadConfig,
  LoadMessage,
  LoadResult,
  Percentiles,
} from './types.js';

const SETUP_TIMEOUT_MS = 180_000;
/** Percentiles of a figure nobody reached (every joiner timed out). */
const NO_SAMPLES: Percentiles = { n: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN };

function send(message: LoadMessage): void {
  process.send?.(message);
}

const waiters = new Map<string, () => void>();
function waitFor(type: 'go' | 'finish'): Promise<void> {
  return new Promise((resolve) => waiters.set(type, resolve));
}

/** Runs `task` over `items` with at most `limit` in flight. */
async function pool<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Parley rooms are made through its API: each gets a side-a invite that may write `<room>/side/a`. */
async function makeTargets(config: LoadConfig, rooms: number, tag: string): Promise<Target[]> {
  if (config.server !== 'parley') {
    return Array.from({ length: rooms }, (_, i) => ({ docName: `bench-${tag}-${i}` }));
  }
  return pool(
    Array.from({ length: rooms }, (_, i) => i),
    16,
    async (i) => {
      const res = await fetch(`${config.base}/api/rooms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: `bench ${tag} ${i}`, sides: ['A', 'B'], mediated: false }),
      });
      if (res.status !== 201) throw new Error(`POST /api/rooms answered ${res.status}: ${await res.text()}`);
      const body = (await res.json()) as { roomId: string; invites: { a: { token: string } } };
      return { docName: `${body.roomId}/side/a`, token: body.invites.a.token };
    },
  );
}

/** True when every client holds byte-identical state. */
function converged(clients: BenchClient[]): boolean {
  const first = clients[0];
  if (!first) return true;
  const sv = Buffer.from(Y.encodeStateVector(first.doc));
  const state = Buffer.from(Y.encodeStateAsUpdate(first.doc));
  return clients.every(
    (c) =>
      Buffer.from(Y.encodeStateVector(c.doc)).equals(sv) && Buffer.from(Y.encodeStateAsUpdate(c.doc)).equals(state),
  );
}

function closeNotes(clients: BenchClient[]): string[] {
  const codes = new Map<number, number>();
  for (const c of clients) for (const code of c.closeCodes) codes.set(code, (codes.get(code) ?? 0) + 1);
  return [...codes].map(([code, n]) => `${n} connection(s) closed by the server with ${code}`);
}

interface Editor {
  client: BenchClient;
  room: number;
  sent: number;
  seen: number;
  /** `sent` and `seen` when the measuring window opened, after the warm-up. */
  sentBefore: number;
  seenBefore: number;
}

interface Slot {
  target: Target;
  room: number;
}

/** How long the clients of one wave took from creation to their handshake and their first sync. */
interface Wave {
  firstSync: Samples;
  handshake: Samples;
}

/**
 * Connects a client for every slot, `connectConcurrency` at a time, and waits for each
 * one's first sync. `onClient` sees each client as it is created, before it connects.
 */
async function connectWave(
  config: LoadConfig,
  slots: Slot[],
  onClient: (client: BenchClient, slot: Slot) => void,
): Promise<Wave> {
  const wave: Wave = { firstSync: new Samples(), handshake: new Samples() };
  await withTimeout(
    pool(slots, config.connectConcurrency, async (slot) => {
      const client = connectClient(config.server, config.base, slot.target);
      onClient(client, slot);
      wave.firstSync.push(await client.synced);
      wave.handshake.push(await client.opened);
    }),
    SETUP_TIMEOUT_MS,
    'the clients to connect',
  );
  return wave;
}

async function runEditShape(config: LoadConfig, shape: EditShape): Promise<LoadResult> {
  const targets = await makeTargets(config, shape.rooms, 'edit');
  let latencies = new Samples();
  let lastDeliveryAt = 0;
  const trace = DeliveryTrace.fromEnvironment();
  const editors: Editor[] = [];
  const byRoom: Editor[][] = targets.map(() => []);

  const slots: Slot[] = targets.flatMap((target, room) =>
    Array.from({ length: shape.clientsPerRoom }, () => ({ target, room })),
  );
  const startup = await connectWave(config, slots, (client, { room }) => {
    const editor: Editor = { client, room, sent: 0, seen: 0, sentBefore: 0, seenBefore: 0 };
    const edits = client.doc.getMap<number>('edits');
    edits.observe((event) => {
      if (event.transaction.local) return;
      const now = performance.now();
      for (const key of event.keysChanged) {
        const at = edits.get(key);
        if (at === undefined) continue;
        latencies.push(now - at);
        trace?.delivery(at, now - at, room);
        editor.seen += 1;
      }
      lastDeliveryAt = now;
    });
    trace?.watchRenewals(client);
    editors.push(editor);
    byRoom[room]!.push(editor);
  });
  const renewals = new RenewalWatch(editors.map((e) => e.client));

  send({ type: 'ready' });
  await waitFor('go');
  trace?.started(performance.now());

  const period = 1000 / shape.rate;
  const timers: NodeJS.Timeout[] = [];
  let editing = true;
  for (const [index, editor] of editors.entries()) {
    const edits = editor.client.doc.getMap<number>('edits');
    const edit = () => {
      if (!editing) return;
      edits.set(`${index}:${editor.sent++}`, performance.now());
    };
    // Spread the clients evenly over the period so the load is steady, not a burst per
    // tick, and every server gets the same number of edits.
    const first = setTimeout(
      () => {
        edit();
        timers.push(setInterval(edit, period));
      },
      (index / editors.length) * period,
    );
    timers.push(first);
  }
  // The warm-up lets each server's code reach its optimised, steady state (a server runs
  // for days) before anything is measured; only losses count from the first edit. The
  // window then opens between two bursts of presence renewals (see renewals.ts).
  if (config.warmupSeconds > 0) {
    await renewals.waitForQuietStart(performance.now() + config.warmupSeconds * 1000);
    latencies = new Samples();
    for (const e of editors) {
      e.sentBefore = e.sent;
      e.seenBefore = e.seen;
    }
    send({ type: 'measuring' });
  }
  const started = performance.now();
  await sleep(config.seconds * 1000);
  editing = false;
  for (const t of timers) clearTimeout(t);
  const windowMs = performance.now() - started;
  trace?.window(started, started + windowMs);

  const roomEdits = byRoom.map((list) => list.reduce((n, e) => n + e.sent, 0));
  const expectedFor = (e: Editor) => roomEdits[e.room]! - e.sent;
  const drainUntil = performance.now() + Math.max(10_000, config.seconds * 500);
  while (performance.now() < drainUntil && editors.some((e) => e.seen < expectedFor(e))) await sleep(20);
  const measuredMs = Math.max(windowMs, lastDeliveryAt - started);

  trace?.write(config.server, shape.rooms);
  send({ type: 'stopped' });
  await waitFor('finish');

  // Then as many people again join the rooms, now that the server has run for a while
  // and the rooms hold their edits: the first sync a person sees in a running server.
  // The start-up wave's figures are reported beside it; that wave also meets code that
  // runs for the first time in a fresh process. Joining comes after the server-side
  // figures were read, so it changes none of them, and the joiners' documents count
  // in the convergence check like everyone else's.
  const joinersByRoom: BenchClient[][] = targets.map(() => []);
  const joining = await connectWave(config, slots, (client, { room }) => joinersByRoom[room]!.push(client));

  const edits = editors.reduce((n, e) => n + e.sent - e.sentBefore, 0);
  const expectedDeliveries = editors.reduce((n, e) => n + expectedFor(e), 0);
  const deliveredTo = (e: Editor) => Math.min(e.seen, expectedFor(e));
  const delivered = editors.reduce((n, e) => n + deliveredTo(e), 0);
  const deliveries = delivered - editors.reduce((n, e) => n + e.seenBefore, 0);
  // Each room's clients, editors and joiners alike: all of them must hold the same state.
  const roomClients = byRoom.map((list, room) => [...list.map((e) => e.client), ...joinersByRoom[room]!]);
  const everyone = roomClients.flat();
  return {
    clients: editors.length,
    rooms: shape.rooms,
    edits,
    expectedDeliveries,
    deliveries,
    lost: expectedDeliveries - delivered,
    windowMs,
    measuredMs,
    latencyMs: percentiles(latencies.view()),
    firstSyncMs: percentiles(joining.firstSync.view()) as Percentiles,
    handshakeMs: percentiles(joining.handshake.view()) as Percentiles,
    startupFirstSyncMs: percentiles(startup.firstSync.view()),
    startupHandshakeMs: percentiles(startup.handshake.view()),
    roomsConverged: roomClients.filter(converged).length,
    disconnects: everyone.reduce((n, c) => n + c.disconnects, 0),
    loadCpuMs: 0,
    notes: closeNotes(everyone),
  };
}

async function runColdJoin(config: LoadConfig, shape: ColdJoinShape): Promise<LoadResult> {
  const [target] = await makeTargets(config, 1, 'cold');
  const notes: string[] = [];

  // The prior history is written through a real client, one update per transaction,
  // and a second client confirms the server relayed all of it before anyone joins.
  const seeder = connectClient(config.server, config.base, target!);
  const checker = connectClient(config.server, config.base, target!);
  await withTimeout(Promise.all([seeder.synced, checker.synced]), 30_000, 'the seeding clients to connect');
  const prior = seeder.doc.getMap<number>('prior');
  for (let i = 0; i < shape.priorUpdates; i++) {
    prior.set(`p${i}`, i);
    // Yield now and then so the socket drains instead of buffering the whole history.
    if (i % 200 === 199) await sleep(1);
  }
  const seen = checker.doc.getMap<number>('prior');
  await withTimeout(
    (async () => {
      while (seen.size < shape.priorUpdates) await sleep(20);
    })(),
    SETUP_TIMEOUT_MS,
    'the prior updates to be relayed',
  );
  checker.destroy();
  if (config.server === 'hocuspocus') {
    // In memory, Hocuspocus drops a document when its last connection leaves.
    notes.push('the seeding client stays connected: in-memory Hocuspocus unloads a document with no connection');
  } else {
    seeder.destroy();
  }
  // Let the server see the disconnects (Parley then compacts and unloads the document).
  await sleep(1000);

  send({ type: 'ready' });
  await waitFor('go');

  const started = performance.now();
  const joiners = Array.from({ length: shape.joiners }, () => connectClient(config.server, config.base, target!));
  const firstSync = new Samples();
  const handshake = new Samples();
  let lost = 0;
  let synced = 0;
  await withTimeout(
    Promise.all(
      joiners.map(async (client) => {
        firstSync.push(await client.synced);
        handshake.push(await client.opened);
        synced += 1;
        lost += shape.priorUpdates - client.doc.getMap('prior').size;
      }),
    ),
    SETUP_TIMEOUT_MS,
    'the joiners to sync',
  ).catch((error: Error) => notes.push(error.message));
  const windowMs = performance.now() - started;
  lost += (shape.joiners - synced) * shape.priorUpdates;

  send({ type: 'stopped' });
  await waitFor('finish');
  if (config.server === 'hocuspocus') seeder.destroy();

  return {
    clients: shape.joiners,
    rooms: 1,
    edits: 0,
    expectedDeliveries: shape.joiners,
    deliveries: synced,
    lost,
    windowMs,
    measuredMs: windowMs,
    latencyMs: null,
    firstSyncMs: percentiles(firstSync.view()) ?? NO_SAMPLES,
    handshakeMs: percentiles(handshake.view()) ?? NO_SAMPLES,
    startupFirstSyncMs: null,
    startupHandshakeMs: null,
    roomsConverged: converged(joiners) ? 1 : 0,
    disconnects: joiners.reduce((n, c) => n + c.disconnects, 0),
    loadCpuMs: 0,
    notes: [...notes, ...closeNotes(joiners)],
  };
}

async function main(config: LoadConfig): Promise<void> {
  const cpuStart = process.cpuUsage();
  const result =
    config.shape.kind === 'edit' ? await runEditShape(config, config.shape) : await runColdJoin(config, config.shape);
  const cpu = process.cpuUsage(cpuStart);
  result.loadCpuMs = (cpu.user + cpu.system) / 1000;
  send({ type: 'result', result });
}

process.on('message', (message: ControlMessage) => {
  if (message.type === 'config') {
    main(message.config).then(
      // The providers and their timers are not worth tearing down one by one: the
      // process exits, which closes every socket at once.
      () => setTimeout(() => process.exit(0), 100),
      (error: Error) => {
        send({ type: 'error', message: error.stack ?? error.message });
        setTimeout(() => process.exit(1), 100);
      },
    );
  } else {
    waiters.get(message.type)?.();
    waiters.delete(message.type);
  }
});
// Every y-websocket provider adds a process 'exit' listener; hundreds are expected here.
process.setMaxListeners(0);
// The orchestrator is gone: nothing left to report to.
process.on('disconnect', () => process.exit(0));
