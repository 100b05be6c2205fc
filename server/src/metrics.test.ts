import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics.js';

/** The value of one unlabelled sample in Prometheus text. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('metrics', () => {
  it('reports committed updates, commits, their total time and the slowest since the last scrape', async () => {
    const metrics = createMetrics();
    metrics.commits.recordCommit(1, 0.002);
    metrics.commits.recordCommit(3, 0.005);
    const first = await metrics.registry.metrics();
    expect(sample(first, 'parley_updates_total')).toBe(4);
    expect(sample(first, 'parley_storage_commits_total')).toBe(2);
    expect(sample(first, 'parley_storage_commit_seconds_total')).toBeCloseTo(0.007, 9);
    expect(sample(first, 'parley_storage_commit_seconds_max')).toBe(0.005);

    metrics.commits.recordCommit(1, 0.001);
    const second = await metrics.registry.metrics();
    // Totals keep counting across scrapes; the slowest starts again with each one.
    expect(sample(second, 'parley_updates_total')).toBe(5);
    expect(sample(second, 'parley_storage_commits_total')).toBe(3);
    expect(sample(second, 'parley_storage_commit_seconds_max')).toBe(0.001);
    expect(sample(await metrics.registry.metrics(), 'parley_storage_commit_seconds_max')).toBe(0);
    expect(second).toContain('# TYPE parley_updates_total counter');
    // The lag measured at scrape time stays; the delay histogram, which would read ~1 s at one sample a second, does not.
    expect(second).toContain('nodejs_eventloop_lag_seconds ');
    expect(second).not.toContain('nodejs_eventloop_lag_p99_seconds');
  });

  it('reports how busy the event loop was since the previous scrape', async () => {
    const metrics = createMetrics();
    await metrics.registry.metrics();
    // Busy: the loop is blocked for the whole interval.
    const until = performance.now() + 200;
    while (performance.now() < until);
    const busy = sample(await metrics.registry.metrics(), 'parley_event_loop_utilization');
    expect(busy).toBeGreaterThan(0.5);
    expect(busy).toBeLessThanOrEqual(1);
    // Idle: the loop waits on a timer for the whole interval.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const idle = sample(await metrics.registry.metrics(), 'parley_event_loop_utilization');
    expect(idle).toBeGreaterThanOrEqual(0);
    expect(idle).toBeLessThan(0.5);
  });
});
