import type { PauseState } from '@parley/shared';
import { useSyncExternalStore } from 'react';
import type { ControlSocket } from './useControl';
import { request, type ActionResult } from './usePulse';

export interface PauseView {
  /** The room's pause requests so far; null for people who are not told (side members of a mediated room, observers). */
  state: PauseState | null;
  /** Requests that arrived since this tab last acknowledged them. */
  unseen: number;
}

export interface Pause extends PauseView {
  /** Sends an anonymous pause request (side members). */
  request(): Promise<ActionResult>;
  /** Marks the requests so far as seen. */
  acknowledge(): void;
}

interface PauseStore {
  subscribe(notify: () => void): () => void;
  getSnapshot(): PauseView;
  acknowledge(): void;
}

/**
 * Facilitators are pushed `pause:requested`; everyone else never hears of pause
 * requests. Requests that came before this tab opened count as seen: the notice is for
 * what happens while the facilitator is here, the total says what came before.
 */
function createStore(socket: ControlSocket, facilitator: boolean): PauseStore {
  let view: PauseView = { state: null, unseen: 0 };
  let seen: number | null = null;
  const listeners = new Set<() => void>();
  const set = (state: PauseState) => {
    if (seen === null) seen = state.count;
    view = { state, unseen: Math.max(0, state.count - seen) };
    for (const notify of [...listeners]) notify();
  };
  const onRequested = (state: PauseState) => {
    // The first push after opening is new by definition; the baseline is what came before it.
    if (seen === null) seen = state.count - 1;
    set(state);
  };
  const fetchState = () =>
    void request(socket, 'pause:get', {}, (ack) => {
      if (ack.state) set(ack.state as PauseState);
    });
  return {
    subscribe(notify) {
      listeners.add(notify);
      if (listeners.size === 1 && facilitator) {
        socket.on('pause:requested', onRequested);
        socket.on('connect', fetchState);
        if (socket.connected) fetchState();
      }
      return () => {
        listeners.delete(notify);
        if (listeners.size === 0) {
          socket.off('pause:requested', onRequested);
          socket.off('connect', fetchState);
        }
      };
    },
    getSnapshot: () => view,
    acknowledge() {
      if (!view.state) return;
      seen = view.state.count;
      view = { ...view, unseen: 0 };
      for (const notify of [...listeners]) notify();
    },
  };
}

const stores = new WeakMap<ControlSocket, Map<boolean, PauseStore>>();
const nobody: PauseStore = {
  subscribe: () => () => {},
  getSnapshot: () => ({ state: null, unseen: 0 }),
  acknowledge: () => {},
};

function storeFor(socket: ControlSocket | null, facilitator: boolean): PauseStore {
  if (!socket) return nobody;
  let byRole = stores.get(socket);
  if (!byRole) stores.set(socket, (byRole = new Map()));
  let store = byRole.get(facilitator);
  if (!store) byRole.set(facilitator, (store = createStore(socket, facilitator)));
  return store;
}

/** Anonymous pause requests: sending one, and (for facilitators) hearing that one came. */
export function usePause(socket: ControlSocket | null, facilitator: boolean): Pause {
  const store = storeFor(socket, facilitator);
  const view = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return {
    ...view,
    request: () => request(socket, 'pause:request', {}),
    acknowledge: store.acknowledge,
  };
}
