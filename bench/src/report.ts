import { roundRatios } from './rounds.js';
import { SERVERS, SERVER_LABEL, type LoadResult, type ServerKind, type Shape } from './types.js';

/** One server on one shape: what the load generator saw plus what /proc said about the server. */
export interface RunResult {
  server: ServerKind;
  shape: Shape;
  load: LoadResult | null;
  error: string | null;
  serverCpuMs: number;
  /** The part of serverCpuMs spent on the server's main thread. */
  serverMainThreadCpuMs: number;
  baselineRssBytes: number;
  /** VmRSS at the end of the window, after a full garbage collection. */
  rssBytes: number;
  /** The same, before that collection. */
  rssBeforeGcBytes: number;
  peakRssBytes: number;
  loadAverage: [number, number, number];
  /** CPU other processes used during the window, in cores: a noisy neighbour shows here. */
  foreignCores: number;
  /** Derived figures, as printed in the table (with --rounds, each the median of the rounds). */
  figures: Figures | null;
  /** With --rounds: every round's own result, in round order. */
  rounds?: RunResult[];
}

export interface Figures {
  editsPerSec: number;
  deliveriesPerSec: number;
  lost: number;
  converged: string;
  latencyP50: number | null;
  latencyP95: number | null;
  latencyP99: number | null;
  /** Joining a server that has been running (LoadResult.firstSyncMs). */
  firstSyncP50: number;
  firstSyncP99: number;
  /** The handshake's share of the first sync: provider created → WebSocket open, p50. */
  handshakeP50: number;
  /** The same three for the edit shapes' first wave, into a freshly started server. */
  startupFirstSyncP50: number | null;
  startupFirstSyncP99: number | null;
  startupHandshakeP50: number | null;
  cpuMsPer1kDeliveries: number | null;
  /** The main thread's share of it; the rest is V8's helper threads and the server's workers. */
  mainThreadCpuMsPer1kDeliveries: number | null;
  rssKbPerRoom: number;
}

export function figuresOf(r: Omit<RunResult, 'figures'>): Figures | null {
  const load = r.load;
  if (!load) return null;
  const seconds = load.windowMs / 1000;
  return {
    editsPerSec: load.edits / seconds,
    deliveriesPerSec: load.deliveries / (load.measuredMs / 1000),
    lost: load.lost,
    converged: `${load.roomsConverged}/${load.rooms}`,
    latencyP50: load.latencyMs?.p50 ?? null,
    latencyP95: load.latencyMs?.p95 ?? null,
    latencyP99: load.latencyMs?.p99 ?? null,
    firstSyncP50: load.firstSyncMs.p50,
    firstSyncP99: load.firstSyncMs.p99,
    handshakeP50: load.handshakeMs.p50,
    startupFirstSyncP50: load.startupFirstSyncMs?.p50 ?? null,
    startupFirstSyncP99: load.startupFirstSyncMs?.p99 ?? null,
    startupHandshakeP50: load.startupHandshakeMs?.p50 ?? null,
    cpuMsPer1kDeliveries: perThousand(r.serverCpuMs, load.deliveries),
    mainThreadCpuMsPer1kDeliveries: perThousand(r.serverMainThreadCpuMs, load.deliveries),
    rssKbPerRoom: (r.rssBytes - r.baselineRssBytes) / 1024 / load.rooms,
  };
}

const perThousand = (ms: number, deliveries: number): number | null =>
  deliveries > 0 ? (ms / deliveries) * 1000 : null;

const num = (v: number | null | undefined, digits = 1): string =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits);

const ratio = (parley: number | null | undefined, other: number | null | undefined): string => {
  if (parley === null || parley === undefined || other === null || other === undefined) return '—';
  if (other <= 0) return parley <= 0 ? '1.00' : '∞';
  return (parley / other).toFixed(2);
};

/** The ratio of the figures; with rounds, followed by the lowest and highest ratio of a single round. */
function ratioCell(parley: RunResult | undefined, other: RunResult | undefined, pick: (f: Figures) => number | null) {
  const main = ratio(parley?.figures && pick(parley.figures), other?.figures && pick(other.figures));
  const perRound = roundRatios(parley, other, pick);
  if (perRound.length < 2 || main === '—') return main;
  return `${main} (${Math.min(...perRound).toFixed(2)}–${Math.max(...perRound).toFixed(2)})`;
}

/** The results table, then the Parley / reference and Parley / Hocuspocus ratios per shape. */
export function markdown(results: RunResult[], shapes: Shape[]): string {
  const lines: string[] = [];
  lines.push(
    "| shape | server | edits/s | deliveries/s | lost | converged | latency p50 / p95 / p99 ms | first sync p50 / p99 ms | server CPU ms / 1k deliveries | server RSS KB / room | other processes' CPU, cores |",
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const shape of shapes) {
    for (const server of SERVERS) {
      const r = results.find((x) => x.shape.name === shape.name && x.server === server);
      if (!r) continue;
      const f = r.figures;
      if (!f) {
        lines.push(
          `| ${shape.name} | ${SERVER_LABEL[server]} | failed: ${(r.error ?? '').split('\n')[0]} | | | | | | | | |`,
        );
        continue;
      }
      const latency =
        f.latencyP99 === null ? '—' : `${num(f.latencyP50)} / ${num(f.latencyP95)} / ${num(f.latencyP99)}`;
      lines.push(
        `| ${shape.name} | ${SERVER_LABEL[server]} | ${num(f.editsPerSec, 0)} | ${num(f.deliveriesPerSec, 0)} | ${f.lost} | ${f.converged} | ${latency} | ${num(f.firstSyncP50)} / ${num(f.firstSyncP99)} | ${num(f.cpuMsPer1kDeliveries, 0)} | ${num(f.rssKbPerRoom, 0)} | ${num(r.foreignCores, 2)} |`,
      );
    }
  }
  lines.push(
    '',
    '| shape | vs | p99 latency | CPU / delivery | first sync p99 | RSS / room | first sync p99, fresh process |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const shape of shapes) {
    const of = (server: ServerKind) => results.find((x) => x.shape.name === shape.name && x.server === server);
    const parley = of('parley');
    for (const other of ['reference', 'hocuspocus'] as const) {
      const o = of(other);
      const cell = (pick: (f: Figures) => number | null) => ratioCell(parley, o, pick);
      lines.push(
        `| ${shape.name} | Parley / ${other === 'reference' ? 'reference' : 'Hocuspocus'} | ${cell((f) => f.latencyP99)} | ${cell((f) => f.cpuMsPer1kDeliveries)} | ${cell((f) => f.firstSyncP99)} | ${cell((f) => f.rssKbPerRoom)} | ${cell((f) => f.startupFirstSyncP99)} |`,
      );
    }
  }
  const notes = results.flatMap((r) =>
    [...(r.load?.notes ?? []), ...(r.load && r.load.disconnects > 0 ? [`${r.load.disconnects} reconnect(s)`] : [])].map(
      (n) => `- ${r.shape.name}, ${SERVER_LABEL[r.server]}: ${n}`,
    ),
  );
  if (notes.length > 0) lines.push('', ...notes);
  return lines.join('\n');
}
