/** The servers under test, in the order they run. */
export const SERVERS = ['reference', 'hocuspocus', 'parley'] as const;
export type ServerKind = (typeof SERVERS)[number];

export const SERVER_LABEL: Record<ServerKind, string> = {
  reference: '@y/websocket-server 0.1.1',
  hocuspocus: 'Hocuspocus 3',
  parley: 'Parley (SQLite)',
};

/** Clients edit at a fixed rate and watch each other's edits. */
export interface EditShape {
  kind: 'edit';
  name: string;
  rooms: number;
  clientsPerRoom: number;
  /** Edits per second per client. */
  rate: number;
}

/** Clients join at once a room whose document already holds many updates. */
export interface ColdJoinShape {
  kind: 'coldJoin';
  name: string;
  priorUpdates: number;
  joiners: number;
}

export type Shape = EditShape | ColdJoinShape;

export interface LoadConfig {
  server: ServerKind;
  /** http://127.0.0.1:<port> */
  base: string;
  shape: Shape;
  seconds: number;
  /** Edit shapes: seconds of editing before the measuring window, not measured. */
  warmupSeconds: number;
  /** Providers connecting at the same time while a shape is set up. */
  connectConcurrency: number;
}

/** What the load generator measured, before the orchestrator adds server-side figures. */
export interface LoadResult {
  clients: number;
  rooms: number;
  /** Edits sent in the measuring window. */
  edits: number;
  /** Deliveries expected of every edit sent, warm-up included; `lost` is out of these. */
  expectedDeliveries: number;
  /** Deliveries observed from the start of the measuring window. */
  deliveries: number;
  lost: number;
  /** Milliseconds the edits were sent over (the measuring window, without the drain). */
  windowMs: number;
  /** Milliseconds from the start of the window to the last delivery (or the drain's end). */
  measuredMs: number;
  latencyMs: Percentiles | null;
  /**
   * Provider created → first sync, for people joining a server that has been running:
   * in the edit shapes a second wave of as many clients, after the measuring window.
   */
  firstSyncMs: Percentiles;
  /** Provider created → WebSocket open: the part of the first sync spent on the handshake. */
  handshakeMs: Percentiles;
  /** The same for the edit shapes' first wave, which connects to a freshly started server. */
  startupFirstSyncMs: Percentiles | null;
  startupHandshakeMs: Percentiles | null;
  roomsConverged: number;
  disconnects: number;
  loadCpuMs: number;
  notes: string[];
}

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Messages from the load generator to the orchestrator. */
export type LoadMessage =
  | { type: 'ready' }
  | { type: 'measuring' }
  | { type: 'stopped' }
  | { type: 'result'; result: LoadResult }
  | { type: 'error'; message: string };

/** Messages from the orchestrator to the load generator. */
export type ControlMessage = { type: 'config'; config: LoadConfig } | { type: 'go' } | { type: 'finish' };
