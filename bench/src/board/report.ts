import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentiles } from '../stats.js';
import type { Percentiles } from '../types.js';
import { CHANGE_SAMPLES, RENDER_SAMPLES, RESULTS_DIR } from './config.js';

export interface SizeResult {
  items: number;
  renderColdMs: number[];
  renderReloadMs: number[];
  saveToPaintMs: number[];
}

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  chromium: string;
  loadAverage: number[];
}

export function describeMachine(chromiumVersion: string): Machine {
  return {
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    chromium: chromiumVersion,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

const ms = (p: Percentiles | null, key: 'p50' | 'p95' | 'max') => (p ? p[key].toFixed(0) : '—');

/** The table printed and written to board.md. */
export function markdownTable(results: SizeResult[]): string {
  const rows = results.map((r) => {
    const cold = percentiles(r.renderColdMs);
    const reload = percentiles(r.renderReloadMs);
    const change = percentiles(r.saveToPaintMs);
    return `| ${r.items} | ${ms(cold, 'p50')} / ${ms(cold, 'max')} | ${ms(reload, 'p50')} / ${ms(reload, 'max')} | ${ms(change, 'p50')} / ${ms(change, 'p95')} / ${ms(change, 'max')} | ${r.renderColdMs.length} + ${r.renderReloadMs.length} / ${r.saveToPaintMs.length} |`;
  });
  return [
    '| items on the board | render, cold: p50 / max (ms) | render, reload: p50 / max (ms) | Save → paint on the other side: p50 / p95 / max (ms) | samples (cold + reload / saves) |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function machineLine(machine: Machine): string {
  return `${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}; headless ${machine.chromium}; load average ${machine.loadAverage.join(' ')} at the start`;
}

/** Writes bench/results/board.json (every sample) and board.md (the table); returns their paths. */
export function writeResults(machine: Machine, results: SizeResult[], seconds: number): string[] {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = path.join(RESULTS_DIR, 'board.json');
  const md = path.join(RESULTS_DIR, 'board.md');
  const summary = results.map((r) => ({
    ...r,
    renderCold: percentiles(r.renderColdMs),
    renderReload: percentiles(r.renderReloadMs),
    saveToPaint: percentiles(r.saveToPaintMs),
  }));
  writeFileSync(
    json,
    `${JSON.stringify({ date: new Date().toISOString(), seconds, machine, settings: { RENDER_SAMPLES, CHANGE_SAMPLES }, results: summary }, null, 2)}\n`,
  );
  writeFileSync(
    md,
    [
      '# The client: a large board in Chromium',
      '',
      machineLine(machine),
      '',
      markdownTable(results),
      '',
      'Render: navigation start of the room page → the frame in which every card of side A’s board is painted, for side A’s member. Cold: a fresh browser context per load (no IndexedDB copy, no HTTP cache). Reload: one page reloaded, the board also in its IndexedDB copy.',
      'Save → paint: side A’s member edits a position (Edit, one letter, Save); the time from the Save click to the paint of the new text on side B’s page.',
      '',
    ].join('\n'),
  );
  return [json, md];
}
