import type { Figures, RunResult } from './report.js';
import type { ServerKind } from './types.js';

/**
 * Repeated rounds. On a shared 2-core machine one window of one server can be 20% off
 * the next window of the same server, so `--rounds=N` runs every server N times per
 * shape, in a rotated order each round, and the table shows each figure's median.
 */

/** The order of the servers in round `round`: each round starts one server later. */
export function roundOrder(servers: readonly ServerKind[], round: number): ServerKind[] {
  const shift = round % servers.length;
  return [...servers.slice(shift), ...servers.slice(0, shift)];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const MEDIAN_FIELDS = [
  'editsPerSec',
  'deliveriesPerSec',
  'latencyP50',
  'latencyP95',
  'latencyP99',
  'firstSyncP50',
  'firstSyncP99',
  'handshakeP50',
  'startupFirstSyncP50',
  'startupFirstSyncP99',
  'startupHandshakeP50',
  'cpuMsPer1kDeliveries',
  'mainThreadCpuMsPer1kDeliveries',
  'rssKbPerRoom',
] as const satisfies ReadonlyArray<keyof Figures>;

/**
 * One server's rounds on one shape as a single result: the median of every figure, the
 * lost deliveries of all rounds added up, and the worst round's convergence. A round
 * that failed fails the whole.
 */
export function combineRounds(rounds: RunResult[]): RunResult {
  const first = rounds[0]!;
  if (rounds.length === 1) return first;
  const failed = rounds.find((r) => r.error || !r.figures);
  if (failed) return { ...failed, rounds };
  const figures = rounds.map((r) => r.figures!);
  const combined: Figures = { ...figures[0]! };
  for (const field of MEDIAN_FIELDS) {
    const values = figures.map((f) => f[field]).filter((v): v is number => v !== null);
    (combined as Record<typeof field, number | null>)[field] = values.length === figures.length ? median(values) : null;
  }
  combined.lost = figures.reduce((n, f) => n + f.lost, 0);
  combined.converged = figures.map((f) => f.converged).sort(byConvergedCount)[0]!;
  return {
    ...first,
    foreignCores: Math.max(...rounds.map((r) => r.foreignCores)),
    figures: combined,
    rounds,
  };
}

const byConvergedCount = (a: string, b: string) => Number(a.split('/')[0]) - Number(b.split('/')[0]);

/** Parley's figure over the other server's, round by round (rounds are paired by number). */
export function roundRatios(
  parley: RunResult | undefined,
  other: RunResult | undefined,
  pick: (f: Figures) => number | null,
): number[] {
  const ours = parley?.rounds ?? [];
  const theirs = other?.rounds ?? [];
  const ratios: number[] = [];
  for (let i = 0; i < Math.min(ours.length, theirs.length); i++) {
    const a = ours[i]!.figures && pick(ours[i]!.figures!);
    const b = theirs[i]!.figures && pick(theirs[i]!.figures!);
    if (a !== null && a !== undefined && b) ratios.push(a / b);
  }
  return ratios;
}
