import client from 'prom-client';

/** Live figures the gauges read when Prometheus scrapes. */
export interface MetricSources {
  yjsConnections(): number;
  controlConnections(): number;
  roomsLoaded(): number;
  docsLoaded(): number;
}

/**
 * Prometheus metrics, served at GET /metrics. One registry per server instance, so
 * several servers in one process do not collide.
 */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
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
  return {
    registry,
    setSources(s: MetricSources) {
      sources.current = s;
    },
    updates: new client.Counter({
      name: 'parley_updates_total',
      help: 'Document updates committed to storage',
      registers: [registry],
    }),
    rejected: new client.Counter({
      name: 'parley_rejected_messages_total',
      help: 'Messages refused, by reason',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    storageSeconds: new client.Histogram({
      name: 'parley_storage_commit_seconds',
      help: 'Time to commit one batch of updates',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
