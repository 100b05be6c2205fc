import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode, canRead, parseDocName } from '@parley/shared';
import type { Config } from '../config.js';
import { ParleyError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Identity } from '../rooms/identity.js';
import type { RoomService } from '../rooms/service.js';
import { refuseUpgrade, type UpgradeHandler, type UpgradeRoute } from '../upgrades.js';
import { Connection, type ConnectionEvents } from './connection.js';
import type { DocRegistry } from './docRegistry.js';
import { Keepalive } from './keepalive.js';

export interface SyncEndpointDeps {
  config: Config;
  rooms: RoomService;
  registry: DocRegistry;
  log: Logger;
  isOriginAllowed: (req: IncomingMessage) => boolean;
  events: ConnectionEvents;
}

/** Where the sync endpoint's upgrades arrive: `/yjs/<docName>?token=…`. */
export const SYNC_PATH = '/yjs/';

export interface SyncEndpoint {
  /** The upgrades this endpoint takes, for the server's upgrade router. */
  route: UpgradeRoute;
  connectionCount(): number;
  /** Stops accepting, commits everything, closes every connection with the given code. */
  close(code: number, reason: string): void;
}

/**
 * `/yjs/<docName>?token=…` — the y-websocket protocol with per-document permissions.
 * The handshake always completes so that a refusal can carry a close code the client
 * understands (4401, 4403, 4404, 4429) instead of an opaque HTTP error.
 */
export function createSyncEndpoint(deps: SyncEndpointDeps): SyncEndpoint {
  const { config, rooms, registry, log } = deps;
  const wss = new WebSocketServer({
    noServer: true,
    // ws's own cap closes with 1009; ours must close with 4413, so ws gets headroom.
    maxPayload: Math.max(config.MAX_FRAME_BYTES * 2, 1024 * 1024),
    // Off, as ws's default: Connection.sendFramed writes pre-framed messages straight
    // to the socket, which is only safe while ws never queues frames for compression.
    perMessageDeflate: false,
  });
  const connections = new Set<Connection>();
  // A dead peer (a laptop lid closed, a network gone) is found by its missing pong and dropped.
  const keepalive = new Keepalive<Connection>(config.KEEPALIVE_MS);
  let accepting = true;
  // One listener for every connection: a closure made per upgrade would keep that
  // upgrade's URL (and the token in it) alive for as long as the connection lasts.
  const onSocketError = (error: Error) => log.debug({ err: error }, 'websocket error');

  const handleUpgrade: UpgradeHandler = (req, socket, head, url) => {
    if (!accepting) return refuseUpgrade(socket, 503);
    if (!deps.isOriginAllowed(req)) return refuseUpgrade(socket, 403);
    // What a join writes first (the 101 response, then the opening sync step 1 and the
    // room's presence, or the close frame of a refusal) leaves in one write instead of
    // three: ws completes the upgrade and calls back synchronously, and the socket sends
    // what it was given when uncorked. In a crowd joining at once, every write saved
    // is one less before the next person's handshake.
    socket.cork();
    try {
      wss.handleUpgrade(req, socket, head, (ws) => {
        // Before anything else: ws emits a peer's protocol error (an unmasked frame, a bad
        // opcode) on the WebSocket, and a refused connection still reads until it closes.
        ws.on('error', onSocketError);
        admit(ws, socket, url);
      });
    } finally {
      socket.uncork();
    }
  };

  function admit(ws: WebSocket, socket: Duplex, url: URL): void {
    const refuse = (code: number, reason: string) => ws.close(code, reason);
    let docName: string;
    try {
      docName = decodeURIComponent(url.pathname.slice(SYNC_PATH.length));
    } catch {
      return refuse(CloseCode.NotFound, 'malformed document name');
    }
    const parsed = parseDocName(docName);
    if (!parsed) return refuse(CloseCode.NotFound, 'no such document');
    const identity: Identity | null = rooms.authenticate(url.searchParams.get('token') ?? '');
    if (!identity) return refuse(CloseCode.Unauthorized, 'unknown or revoked token');
    if (identity.room.roomId !== parsed.roomId) return refuse(CloseCode.Forbidden, 'this token is for another room');
    if (parsed.scope.kind === 'mediator' && !identity.room.mediated)
      return refuse(CloseCode.NotFound, 'this room has no mediator');
    if (!canRead(identity.principal, parsed.scope, identity.room))
      return refuse(CloseCode.Forbidden, 'not permitted to read this document');
    if (registry.peersInRoom(parsed.roomId) >= config.MAX_CONNECTIONS_PER_ROOM) {
      return refuse(CloseCode.TooManyMessages, 'this room has reached its connection limit');
    }

    const connection = new Connection(ws, socket, identity, registry, config, log, deps.events, parsed.scope);
    try {
      connection.open(registry.attach(docName, parsed.roomId, parsed.scope, connection));
    } catch (error) {
      const capacity = error instanceof ParleyError;
      if (!capacity) log.error({ err: error, doc: docName }, 'could not load document');
      return refuse(
        capacity ? CloseCode.TooManyMessages : CloseCode.InternalError,
        capacity ? error.message : 'could not load document',
      );
    }
    connections.add(connection);
    keepalive.add(connection);
    ws.on('close', () => {
      connections.delete(connection);
      keepalive.delete(connection);
    });
  }

  rooms.on('revoked', (inviteId) => {
    for (const c of connections) if (c.identity.inviteId === inviteId) c.close(CloseCode.Unauthorized, 'token revoked');
  });
  rooms.on('deleting', (roomId) => registry.dropRoom(roomId, CloseCode.NotFound, 'this room was deleted'));

  keepalive.start();

  return {
    route: { prefix: SYNC_PATH, handle: handleUpgrade },
    connectionCount: () => connections.size,
    close(code, reason) {
      accepting = false;
      keepalive.stop();
      registry.closeAll(code, reason);
      for (const c of connections) c.close(code, reason);
      wss.close();
    },
  };
}
