import type { TimelineEntry } from '@parley/shared';
import { useSyncExternalStore } from 'react';
import type { ControlSocket } from './useControl';

export const TIMELINE_PAGE = 30;
const ACK_TIMEOUT_MS = 10_000;

export interface TimelineState {
  /** Newest first, one per `seq`. */
  entries: TimelineEntry[];
  /** False until the first page has arrived. */
  loaded: boolean;
  /** Whether older entries may exist on the server. */
  hasMore: boolean;
  loadingEarlier: boolean;
  error: string | null;
}

export interface Timeline extends TimelineState {
  loadEarlier: () => void;
}

const INITIAL: TimelineState = { entries: [], loaded: false, hasMore: false, loadingEarlier: false, error: null };

interface Store {
  subscribe: (notify: () => void) => () => void;
  getSnapshot: () => TimelineState;
  loadEarlier: () => void;
}

function list(socket: ControlSocket, payload: { beforeSeq?: number; limit: number }): Promise<TimelineEntry[]> {
  return new Promise((resolve, reject) => {
    socket.timeout(ACK_TIMEOUT_MS).emit('timeline:list', payload, (err, ack) => {
      if (err) return reject(new Error('The server did not answer.'));
      if (!ack.ok) return reject(new Error(ack.error.message));
      resolve(ack.entries);
    });
  });
}

/** Newest first, without duplicates: live entries and pages may overlap. */
function merge(current: TimelineEntry[], incoming: TimelineEntry[]): TimelineEntry[] {
  const bySeq = new Map<number, TimelineEntry>();
  for (const e of current) bySeq.set(e.seq, e);
  for (const e of incoming) bySeq.set(e.seq, e);
  return [...bySeq.values()].sort((x, y) => y.seq - x.seq);
}

function createStore(socket: ControlSocket): Store {
  let state = INITIAL;
  const listeners = new Set<() => void>();
  const set = (patch: Partial<TimelineState>) => {
    state = { ...state, ...patch };
    for (const notify of [...listeners]) notify();
  };

  const onEntry = (entry: TimelineEntry) => set({ entries: merge(state.entries, [entry]) });

  // On every (re)connection the newest page is fetched again: entries sent while this
  // tab was disconnected were never delivered.
  const refresh = () => {
    list(socket, { limit: TIMELINE_PAGE }).then(
      (page) => {
        const newestKnown = state.entries[0]?.seq ?? 0;
        const oldestOfPage = page[page.length - 1]?.seq ?? Infinity;
        // A full page that does not reach what we hold leaves a gap: start over from it.
        const gap = state.loaded && page.length === TIMELINE_PAGE && oldestOfPage > newestKnown;
        if (!state.loaded || gap) {
          set({ entries: merge([], page), loaded: true, hasMore: page.length === TIMELINE_PAGE, error: null });
        } else {
          set({ entries: merge(state.entries, page), error: null });
        }
      },
      (error: Error) => set({ loaded: true, error: `Could not load the timeline: ${error.message}` }),
    );
  };

  const loadEarlier = () => {
    if (state.loadingEarlier || !state.hasMore) return;
    const beforeSeq = state.entries[state.entries.length - 1]?.seq;
    if (beforeSeq === undefined) return;
    set({ loadingEarlier: true });
    list(socket, { beforeSeq, limit: TIMELINE_PAGE }).then(
      (page) =>
        set({
          entries: merge(state.entries, page),
          hasMore: page.length === TIMELINE_PAGE,
          loadingEarlier: false,
          error: null,
        }),
      (error: Error) => set({ loadingEarlier: false, error: `Could not load earlier changes: ${error.message}` }),
    );
  };

  return {
    subscribe(notify) {
      listeners.add(notify);
      if (listeners.size === 1) {
        socket.on('timeline:entry', onEntry);
        socket.on('connect', refresh);
        if (socket.connected) refresh();
      }
      return () => {
        listeners.delete(notify);
        if (listeners.size === 0) {
          socket.off('timeline:entry', onEntry);
          socket.off('connect', refresh);
        }
      };
    },
    getSnapshot: () => state,
    loadEarlier,
  };
}

const stores = new WeakMap<ControlSocket, Store>();
const offline: Store = { subscribe: () => () => {}, getSnapshot: () => INITIAL, loadEarlier: () => {} };

function storeFor(socket: ControlSocket | null): Store {
  if (!socket) return offline;
  let store = stores.get(socket);
  if (!store) stores.set(socket, (store = createStore(socket)));
  return store;
}

/**
 * The room's timeline, newest first: the first page on (re)connection, live entries
 * as the server records them, and older pages on request.
 */
export function useTimeline(socket: ControlSocket | null): Timeline {
  const store = storeFor(socket);
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { ...state, loadEarlier: store.loadEarlier };
}
