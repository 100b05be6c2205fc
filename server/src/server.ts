import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { CloseCode } from '@parley/shared';
import type { Config } from './config.js';
import { attachControlPlane } from './control/index.js';
import { createApp } from './http/app.js';
import type { Logger } from './log.js';
import { createMetrics } from './metrics.js';
import { originPolicy } from './origin.js';
import { PULSE_WRITES, PulseEngine, openPulseStore, pulseDomain } from './pulse/index.js';
import { RoomService } from './rooms/service.js';
import { lockDataDir } from './storage/dataDirLock.js';
import { openSqliteStorage } from './storage/sqlite.js';
import { WriteHealth, watchWrites } from './storage/writeHealth.js';
import { STORAGE_WRITES, type Storage } from './storage/types.js';
import { DocRegistry } from './sync/docRegistry.js';
import { createSyncEndpoint } from './sync/endpoint.js';
import { Timeline } from './timeline/timeline.js';
import { routeUpgrades } from './upgrades.js';

export interface ParleyServer {
  http: Server;
  storage: Storage;
  /** Resolves once listening; the port is the real one when PORT=0. */
  listen(): Promise<AddressInfo>;
  /** Graceful: stop accepting, commit and compact, close every socket, close storage. */
  close(): Promise<void>;
}

/** How long a shutdown waits for clients to answer their close frames before cutting them off. */
const SHUTDOWN_GRACE_MS = 2_000;

/** Wires storage, rooms, the HTTP API, the sync endpoint and the control plane onto one port. */
export function createParleyServer(config: Config, log: Logger, clientDir: string | null): ParleyServer {
  // Before any file is opened: a second server on the same directory stops here.
  const dataDirLock = lockDataDir(config.DATA_DIR);
  const database = openSqliteStorage(config.DB_FILE, {
    maxBytes: config.MAX_DB_BYTES,
    checkpoints: {
      onFailure: (error) =>
        log.error({ err: error }, 'the WAL checkpoint worker stopped; the WAL will grow until the server restarts'),
    },
  });
  const writeHealth = new WriteHealth(() => database.probeWrite());
  const storage = watchWrites(database, STORAGE_WRITES, writeHealth);
  // Pulse checks have their own file (pulse/store.ts), which can refuse writes on its own.
  const pulseFile = openPulseStore(config.PULSE_DB_FILE, { maxBytes: config.MAX_DB_BYTES });
  const pulseHealth = new WriteHealth(() => pulseFile.probeWrite());
  let ready = false;
  const listenAddress = { current: null as AddressInfo | null };
  const publicUrl = () =>
    config.PUBLIC_URL?.replace(/\/$/, '') ?? `http://${config.HOST}:${listenAddress.current?.port ?? config.PORT}`;
  const rooms = new RoomService(storage, publicUrl);
  const timeline = new Timeline(storage);
  const metrics = createMetrics();
  const registry = new DocRegistry(storage, config, timeline, log, metrics.commits);
  // The page is served from PUBLIC_URL when a proxy fronts the server under another
  // host name, so its origin is the app's own.
  const publicOrigin = config.PUBLIC_URL ? [new URL(config.PUBLIC_URL).origin] : [];
  const isOriginAllowed = originPolicy([...config.ALLOWED_ORIGINS, ...publicOrigin]);

  const app = createApp({
    rooms,
    log,
    clientDir,
    metrics,
    config,
    isReady: () => ready,
    storageTakesWrites: () => writeHealth.takesWrites() && pulseHealth.takesWrites(),
  });
  const http = createServer(app);
  // Every connection, upgraded ones included, which the HTTP server stops tracking.
  const sockets = new Set<Socket>();
  http.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const sync = createSyncEndpoint({
    config,
    rooms,
    registry,
    log,
    isOriginAllowed,
    events: { rejected: (reason) => metrics.rejected.inc({ reason }) },
  });
  const pulses = new PulseEngine(watchWrites(pulseFile, PULSE_WRITES, pulseHealth), {
    minuteMs: config.PULSE_MINUTE_MS,
    log,
  });
  const io = attachControlPlane(http, {
    rooms,
    timeline,
    log,
    isOriginAllowed,
    eventsPerSecond: config.MAX_CONTROL_EVENTS_PER_SECOND,
    socketsPerRoom: config.MAX_CONNECTIONS_PER_ROOM,
    domains: [pulseDomain({ engine: pulses, log })],
  });
  // socket.io's engine answers its own path from a listener of its own.
  routeUpgrades(http, [sync.route, { prefix: `${io.path()}/` }], log);
  // After the sync endpoint's and the control plane's own listeners, which close the
  // room's connections: then its pulse checks go, then (in RoomService) its rows.
  rooms.on('deleting', (roomId) => {
    pulses.deleteRoom(roomId);
    // For the operator: when a room went, and that it was its creator's doing. Nothing of its content.
    log.info({ roomId }, 'deleting a room at its creator’s request');
  });
  metrics.setSources({
    yjsConnections: () => sync.connectionCount(),
    controlConnections: () => io.engine.clientsCount,
    roomsLoaded: () => registry.roomsLoaded(),
    docsLoaded: () => registry.loadedDocs,
  });

  return {
    http,
    storage,
    listen: () =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.PORT, config.HOST, () => {
          listenAddress.current = http.address() as AddressInfo;
          ready = true;
          resolve(listenAddress.current);
        });
      }),
    async close() {
      ready = false;
      http.close();
      // Commits everything, then asks every /yjs peer to close.
      sync.close(CloseCode.GoingAway, 'server shutting down');
      // A peer that never answers its close frame (a laptop asleep, a network gone) would
      // hold the shutdown for ws's 30 s close timeout; nothing it could still send would
      // be accepted, so after a grace its socket is cut.
      const cut = setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, SHUTDOWN_GRACE_MS);
      await io.close();
      clearTimeout(cut);
      http.closeAllConnections();
      pulses.stop();
      await storage.close();
      dataDirLock.release();
    },
  };
}
