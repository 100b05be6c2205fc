import type { ClientToServerEvents, ServerToClientEvents } from '@parley/shared';
import { io, type Socket } from 'socket.io-client';
import { join } from './api.js';
import { trackClient } from './cleanup.js';
import type { TestServer } from './server.js';
import { withTimeout } from './wait.js';

/** The socket.io control plane through the stock client. */

export type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Connects with `auth: { token }` and resolves once connected. Rejects with the
 * server's `connect_error` (whose message is e.g. `unauthorized`). Never reconnects,
 * so a dropped connection stays visible to the test.
 */
export async function connectControl(server: TestServer, token: string, timeoutMs = 10_000): Promise<ControlSocket> {
  const socket: ControlSocket = io(server.url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: timeoutMs,
  });
  trackClient(() => {
    socket.disconnect();
  });
  const connected = new Promise<ControlSocket>((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.disconnect();
      reject(error);
    });
  });
  return withTimeout(connected, timeoutMs, 'the socket.io connection');
}

type Event = keyof ClientToServerEvents;
type AckOf<E extends Event> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/** Emits `event` with `payload` and resolves with the server's acknowledgement. */
export function emitAck<E extends Event>(
  socket: ControlSocket,
  event: E,
  payload: unknown,
  timeoutMs = 5_000,
): Promise<AckOf<E>> {
  const ack = new Promise<AckOf<E>>((resolve) => {
    const emit = socket.emit as (event: string, payload: unknown, cb: (ack: AckOf<E>) => void) => void;
    emit.call(socket, event, payload, resolve);
  });
  return withTimeout(ack, timeoutMs, `the acknowledgement of ${event}`);
}

type ServerEvent = keyof ServerToClientEvents;
type PayloadOf<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];

/** A joined member on the control plane: their socket and every `event` it received, in order. */
export interface Listener<E extends ServerEvent> {
  name: string;
  memberId: string;
  token: string;
  socket: ControlSocket;
  received: PayloadOf<E>[];
}

/** Connects a joined member's control socket and records every `event` it receives from then on. */
export async function listenAs<E extends ServerEvent>(
  server: TestServer,
  member: Pick<Listener<E>, 'name' | 'memberId' | 'token'>,
  event: E,
): Promise<Listener<E>> {
  const socket = await connectControl(server, member.token);
  const received: PayloadOf<E>[] = [];
  const on = socket.on as (event: string, listener: (payload: PayloadOf<E>) => void) => void;
  on.call(socket, event, (payload) => received.push(payload));
  return { name: member.name, memberId: member.memberId, token: member.token, socket, received };
}

/** Joins through an invite as `name`, then listens for `event` as that member. */
export async function joinAndListen<E extends ServerEvent>(
  server: TestServer,
  inviteToken: string,
  name: string,
  event: E,
): Promise<Listener<E>> {
  const joined = await join(server, inviteToken, name);
  return listenAs(server, { name, memberId: joined.memberId, token: joined.memberToken }, event);
}
