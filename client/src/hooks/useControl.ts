import { ErrorCode, type ClientToServerEvents, type MemberView, type ServerToClientEvents } from '@parley/shared';
import { useSyncExternalStore } from 'react';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { observeServerTime } from '../lib/serverClock';
import { keyedResources } from '../lib/sharedResource';
import type { Session } from '../lib/session';

export type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** `revoked`: this member's invite was replaced; `deleted`: the room itself was erased. */
export type ControlStatus = 'connecting' | 'live' | 'offline' | 'refused' | 'revoked' | 'deleted';

export interface ControlState {
  status: ControlStatus;
  /** This member as the server knows them, once `room:hello` has been answered. */
  you: MemberView | null;
  /** Who is connected to the control plane. */
  members: MemberView[];
  protocol: number | null;
  error: string | null;
}

export interface Control extends ControlState {
  /** For the control-plane hooks built on this connection (pulse, timeline, pause). */
  socket: ControlSocket | null;
}

interface Connection {
  socket: ControlSocket;
  state: ControlState;
  listeners: Set<() => void>;
  /** The next knock on a full room, cleared when the connection is let go. */
  retry?: ReturnType<typeof setTimeout>;
}

const HELLO_TIMEOUT_MS = 10_000;
/** Around when to knock again on a room at its connection limit, randomised by ±50 %. */
const FULL_ROOM_RETRY_MS = 10_000;

function openControl(token: string): Connection {
  const socket: ControlSocket = io({
    auth: { token },
    // Exponential backoff from 1 s to 10 s, each delay randomised by ±50 % so a room of
    // browsers does not reconnect in lockstep after a server restart.
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
    randomizationFactor: 0.5,
  });
  const connection: Connection = {
    socket,
    state: { status: 'connecting', you: null, members: [], protocol: null, error: null },
    listeners: new Set(),
  };
  let everLive = false;
  const set = (patch: Partial<ControlState>) => {
    connection.state = { ...connection.state, ...patch };
    for (const notify of [...connection.listeners]) notify();
  };
  const final = () => ['revoked', 'refused', 'deleted'].includes(connection.state.status);

  socket.on('connect', () => {
    const sentAt = Date.now();
    socket.timeout(HELLO_TIMEOUT_MS).emit('room:hello', {}, (err, ack) => {
      if (err) return set({ status: 'offline', error: 'The server did not answer the greeting.' });
      if (!ack.ok) {
        return set({ status: ack.error.code === 'unauthorized' ? 'refused' : 'offline', error: ack.error.message });
      }
      // A server from before serverTime leaves the page's own clock in charge.
      if (typeof ack.serverTime === 'number') observeServerTime(sentAt, Date.now(), ack.serverTime);
      everLive = true;
      set({ status: 'live', you: ack.you, members: ack.members, protocol: ack.protocol, error: null });
    });
  });
  socket.on('disconnect', () => {
    if (!final()) set({ status: everLive ? 'offline' : 'connecting' });
  });
  socket.on('connect_error', (error) => {
    // The handshake refuses a bad token, or a room at its connection limit, with an error
    // code as the message; socket.io then stops retrying. A bad token stays bad; a full
    // room is tried again after a while.
    if (error.message === ErrorCode.Unauthorized) {
      return set({ status: 'refused', error: 'This member link is not valid any more.' });
    }
    if (final()) return;
    if (error.message === ErrorCode.RateLimited) {
      set({ status: everLive ? 'offline' : 'connecting', error: 'The room is full; trying again shortly.' });
      clearTimeout(connection.retry);
      connection.retry = setTimeout(
        () => {
          if (!final() && !socket.connected) socket.connect();
        },
        FULL_ROOM_RETRY_MS * (0.5 + Math.random()),
      );
      return;
    }
    set({ status: everLive ? 'offline' : 'connecting', error: error.message });
  });
  socket.on('room:members', (members) => set({ members }));
  socket.on('session:revoked', (info) => {
    set({ status: info.reason === 'deleted' ? 'deleted' : 'revoked', error: info.message });
    socket.disconnect();
  });
  return connection;
}

const controlResource = keyedResources<Connection>((connection) => {
  clearTimeout(connection.retry);
  connection.socket.removeAllListeners();
  connection.socket.disconnect();
});

const emptyState: ControlState = { status: 'connecting', you: null, members: [], protocol: null, error: null };
const stateStores = new WeakMap<Connection, { subscribe: (n: () => void) => () => void; get: () => ControlState }>();

function stateStore(connection: Connection) {
  let store = stateStores.get(connection);
  if (!store) {
    store = {
      subscribe: (notify) => {
        connection.listeners.add(notify);
        return () => connection.listeners.delete(notify);
      },
      get: () => connection.state,
    };
    stateStores.set(connection, store);
  }
  return store;
}

const noConnection = { subscribe: () => () => {}, get: () => emptyState };

/** The room's socket.io control plane: connects with the member token and greets with `room:hello`. */
export function useControl(session: Session): Control {
  const resource = controlResource(session.memberToken, () => openControl(session.memberToken));
  const connection = useSyncExternalStore(resource.subscribe, resource.getSnapshot);
  const store = connection ? stateStore(connection) : noConnection;
  const state = useSyncExternalStore(store.subscribe, store.get);
  return { ...state, socket: connection?.socket ?? null };
}
