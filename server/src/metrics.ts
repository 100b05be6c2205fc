import client from 'prom-client';

/** Live figures the gauges read when Prometheus scrapes. */
export interface MetricSources {
  yjsConnections(): number;
  controlConnections(): number;
  roomsLoaded(): number;
  docsLoaded(): number;
}

/**
 * What the write batcher reports after each commit. It runs for every edit, so it only
 * adds to plain numbers; prom-client reads them when Prometheus scrapes (a histogram
 * observation per commit cost more than a tenth of the commit itself).
 */
export interface CommitStats {
  recordCommit(updates: number, seconds: number): void;
}

/**
 * prom-client always samples Node's event-loop delay into a histogram with a timer (every
 * 10 ms by default), and each sample wakes a sleeping loop: at every 50 ms those wakeups
 * alone cost an idle server ~2 ms of CPU a second (docs/PERFORMANCE.md). The histogram
 * records the whole interval between samples, so once sampled rarely its series would
 * say nothing; they are left out (EVENT_LOOP_HISTOGRAM) and the sample is put off for as
 * long as a timer can wait (2^31 − 1 ms, ~25 days), which is never in practice. How the
 * loop is doing is told by `nodejs_eventloop_lag_seconds`, measured at scrape time, and by
 * `parley_event_loop_utilization`, read from libuv; neither needs a timer.
 */
const EVENT_LOOP_SAMPLE_MS = 2 ** 31 - 1;
const EVENT_LOOP_HISTOGRAM = ['min', 'max', 'mean', 'stddev', 'p50', 'p90', 'p99'].map(
  (stat) => `nodejs_eventloop_lag_${stat}_seconds`,
);

/**
 * Prometheus metrics, served at GET /metrics. One registry per server instance, so
 * several servers in one process do not collide.
 */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
  for (const name of EVENT_LOOP_HISTOGRAM) registry.removeSingleMetric(name);
  const sources: { current: MetricSources | null } = { current: null };
  const gauge = (name: string, help: string, read: (s: MetricSources) => number) =>
    new client.Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        if (sources.current) this.set(read(sources.current));
      },
    });
  gauge('parley_yjs_connections', 'Open /yjs WebSocket connections', (s) => s.yjsConnections());
  gauge('parley_control_connections', 'Open socket.io connections', (s) => s.controlConnections());
  gauge('parley_rooms_loaded', 'Rooms with documents in memory', (s) => s.roomsLoaded());
  gauge('parley_docs_loaded', 'Documents in memory', (s) => s.docsLoaded());

  // Read from libuv's own accounting of idle time when Prometheus scrapes: no timer.
  let lastLoop = performance.eventLoopUtilization();
  new client.Gauge({
    name: 'parley_event_loop_utilization',
    help: 'Share of the time since the previous scrape the event loop spent busy (0 to 1)',
    registers: [registry],
    collect() {
      const now = performance.eventLoopUtilization();
      this.set(performance.eventLoopUtilization(now, lastLoop).utilization);
      lastLoop = now;
    },
  });

  const commits = { updates: 0, count: 0, seconds: 0, slowest: 0 };
  const total = (name: string, help: string, read: () => number) =>
    new client.Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  total('parley_updates_total', 'Document updates committed to storage', () => commits.updates);
  total('parley_storage_commits_total', 'Commits of batches of updates', () => commits.count);
  total('parley_storage_commit_seconds_total', 'Time spent committing batches of updates', () => commits.seconds);
  new client.Gauge({
    name: 'parley_storage_commit_seconds_max',
    help: 'The slowest commit since the previous scrape',
    registers: [registry],
    collect() {
      this.set(commits.slowest);
      commits.slowest = 0;
    },
  });

  const commitStats: CommitStats = {
    recordCommit(updates, seconds) {
      commits.updates += updates;
      commits.count += 1;
      commits.seconds += seconds;
      if (seconds > commits.slowest) commits.slowest = seconds;
    },
  };

  return {
    registry,
    setSources(s: MetricSources) {
      sources.current = s;
    },
    commits: commitStats,
    rejected: new client.Counter({
      name: 'parley_rejected_messages_total',
      help: 'Messages refused, by reason',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
