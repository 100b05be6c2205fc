import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@parley/shared';
import type { Identity } from '../rooms/identity.js';
import type { TokenBucket } from '../sync/rateLimit.js';

export interface SocketData {
  identity: Identity;
  /** Every event this socket sends takes a token; an event without one is refused. */
  events: TokenBucket;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type ControlServer = Server<ClientToServerEvents, ServerToClientEvents, {}, SocketData>;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type ControlSocket = Socket<ClientToServerEvents, ServerToClientEvents, {}, SocketData>;

/** socket.io room names: everyone in a Parley room, and those who run its facilitation. */
export const channel = {
  room: (roomId: string) => `room:${roomId}`,
  facilitators: (roomId: string) => `room:${roomId}:facilitators`,
  member: (roomId: string, memberKey: string) => `room:${roomId}:member:${memberKey}`,
};
