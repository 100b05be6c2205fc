import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { ErrorCode, type ServerToClientEvents } from '@parley/shared';
import type { Logger } from '../log.js';
import type { Identity } from '../rooms/identity.js';
import { TokenBucket } from '../sync/rateLimit.js';
import type { RoomService } from '../rooms/service.js';
import type { Timeline } from '../timeline/timeline.js';
import { answerUnknownEvents } from './handle.js';
import { memberAnnouncer, registerRoomHandlers } from './roomHandlers.js';
import { channel, type ControlServer, type ControlSocket } from './types.js';

type SessionEnd = Parameters<ServerToClientEvents['session:revoked']>[0];

export interface ControlPlaneDeps {
  rooms: RoomService;
  timeline: Timeline;
  log: Logger;
  isOriginAllowed: (req: IncomingMessage) => boolean;
  /** Events per second each socket may send, sustained; bursts of twice that. */
  eventsPerSecond: number;
  /** Control sockets one room may hold; the handshake past it is refused with rate_limited. */
  socketsPerRoom: number;
  /** Further domains (pulse checks, pause requests) register their handlers here. */
  domains: Array<(io: ControlServer, socket: ControlSocket) => void>;
}

/**
 * The socket.io control plane: what the server must decide (pulse checks, pause
 * requests, the timeline, who is here). A socket is admitted only with a valid token;
 * its identity comes from that token and nothing else.
 */
export function attachControlPlane(server: HttpServer, deps: ControlPlaneDeps): ControlServer {
  const { rooms, timeline, log } = deps;
  const io: ControlServer = new Server(server, {
    serveClient: false,
    // /yjs upgrades belong to the sync endpoint; socket.io must not destroy them.
    destroyUpgrade: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (req, callback) => callback(null, deps.isOriginAllowed(req)),
  });

  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    const identity = typeof token === 'string' ? rooms.authenticate(token) : null;
    if (!identity) return next(new Error(ErrorCode.Unauthorized));
    // Every arrival and departure sends the member list to everyone in the room, so the
    // sockets a room may hold are bounded, as its /yjs connections are.
    const present = io.of('/').adapter.rooms.get(channel.room(identity.room.roomId))?.size ?? 0;
    if (present >= deps.socketsPerRoom) return next(new Error(ErrorCode.RateLimited));
    socket.data.identity = identity;
    socket.data.events = new TokenBucket(deps.eventsPerSecond, deps.eventsPerSecond * 2);
    next();
  });

  const membersChanged = memberAnnouncer(io, log);
  io.on('connection', (socket) => {
    registerRoomHandlers(io, socket, { timeline, log, membersChanged });
    for (const register of deps.domains) register(io, socket);
    answerUnknownEvents(socket, log);
  });

  timeline.on('entry', (roomId, entry) => io.to(channel.room(roomId)).emit('timeline:entry', entry));

  /** Tells every socket whose identity matches why its session ends, then closes it. */
  const endSessions = (matches: (identity: Identity) => boolean, info: SessionEnd) => {
    for (const socket of io.sockets.sockets.values()) {
      const identity = socket.data.identity;
      if (!identity || !matches(identity)) continue;
      socket.emit('session:revoked', info);
      socket.disconnect(true);
    }
  };
  rooms.on('revoked', (inviteId) =>
    endSessions((identity) => identity.inviteId === inviteId, {
      message: 'your invite was revoked; ask for a new link',
    }),
  );
  rooms.on('deleting', (roomId) =>
    endSessions((identity) => identity.room.roomId === roomId, { message: 'this room was deleted', reason: 'deleted' }),
  );
  return io;
}
