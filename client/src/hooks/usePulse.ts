import type { PulseState } from '@parley/shared';
import { useSyncExternalStore } from 'react';
import { serverNow } from '../lib/serverClock';
import type { ControlSocket } from './useControl';

const ACK_TIMEOUT_MS = 10_000;

/** What an action came back with: done, or a sentence to show. */
export type ActionResult = { ok: true } | { ok: false; message: string };

export interface PulseActions {
  start(options?: { statementIds?: string[]; windowSec?: number }): Promise<ActionResult>;
  close(pulseId: string): Promise<ActionResult>;
  schedule(everyMinutes: number, windowSec?: number): Promise<ActionResult>;
  unschedule(): Promise<ActionResult>;
  setMinAnswers(minAnswers: number): Promise<ActionResult>;
  answer(pulseId: string, ratings: Record<string, number>): Promise<ActionResult>;
}

export interface Pulse {
  /** Null until the server has answered `pulse:get`. */
  state: PulseState | null;
  actions: PulseActions;
}

type PulseEvent =
  'pulse:get' | 'pulse:start' | 'pulse:close' | 'pulse:schedule' | 'pulse:unschedule' | 'pulse:settings';

/** Emits an acknowledged control-plane event and turns every outcome, a timeout included, into an ActionResult. */
export function request(
  socket: ControlSocket | null,
  event: PulseEvent | 'pulse:answer' | 'pause:request' | 'pause:get',
  payload: object,
  onOk?: (ack: Record<string, unknown>) => void,
): Promise<ActionResult> {
  if (!socket?.connected)
    return Promise.resolve({ ok: false, message: 'Not connected to the room; try again in a moment.' });
  return new Promise((resolve) => {
    const timed = socket.timeout(ACK_TIMEOUT_MS);
    // The typed emit cannot see through a union of event names; every ack has the Ack shape.
    const emit = timed.emit as unknown as (
      event: string,
      payload: object,
      cb: (err: Error | null, ack: { ok: boolean; error?: { message: string } }) => void,
    ) => void;
    emit.call(timed, event, payload, (err, ack) => {
      if (err) return resolve({ ok: false, message: 'The server did not answer; try again.' });
      if (!ack.ok) return resolve({ ok: false, message: ack.error?.message ?? 'Refused.' });
      onOk?.(ack as Record<string, unknown>);
      resolve({ ok: true });
    });
  });
}

interface PulseStore {
  subscribe(notify: () => void): () => void;
  getSnapshot(): PulseState | null;
  actions: PulseActions;
}

/**
 * One store per control socket. The server pushes `pulse:state` on every change; on
 * each (re)connection the store asks for the whole state, since pushes sent while
 * disconnected are lost.
 */
function createStore(socket: ControlSocket): PulseStore {
  let state: PulseState | null = null;
  const listeners = new Set<() => void>();
  const set = (next: PulseState) => {
    state = next;
    for (const notify of [...listeners]) notify();
  };
  const fetchState = () =>
    void request(socket, 'pulse:get', {}, (ack) => {
      if (ack.state) set(ack.state as PulseState);
    });
  const applyState = (ack: Record<string, unknown>) => {
    if (ack.state) set(ack.state as PulseState);
  };
  return {
    subscribe(notify) {
      listeners.add(notify);
      if (listeners.size === 1) {
        socket.on('pulse:state', set);
        socket.on('connect', fetchState);
        if (socket.connected) fetchState();
      }
      return () => {
        listeners.delete(notify);
        if (listeners.size === 0) {
          socket.off('pulse:state', set);
          socket.off('connect', fetchState);
        }
      };
    },
    getSnapshot: () => state,
    actions: {
      start: (options = {}) => request(socket, 'pulse:start', options),
      close: (pulseId) => request(socket, 'pulse:close', { pulseId }),
      schedule: (everyMinutes, windowSec) =>
        request(socket, 'pulse:schedule', windowSec ? { everyMinutes, windowSec } : { everyMinutes }, applyState),
      unschedule: () => request(socket, 'pulse:unschedule', {}, applyState),
      setMinAnswers: (minAnswers) => request(socket, 'pulse:settings', { minAnswers }, applyState),
      answer: (pulseId, ratings) => request(socket, 'pulse:answer', { pulseId, ratings }),
    },
  };
}

const stores = new WeakMap<ControlSocket, PulseStore>();
const offline: PulseStore = {
  subscribe: () => () => {},
  getSnapshot: () => null,
  actions: {
    start: () => request(null, 'pulse:start', {}),
    close: () => request(null, 'pulse:close', {}),
    schedule: () => request(null, 'pulse:schedule', {}),
    unschedule: () => request(null, 'pulse:unschedule', {}),
    setMinAnswers: () => request(null, 'pulse:settings', {}),
    answer: () => request(null, 'pulse:answer', {}),
  },
};

function storeFor(socket: ControlSocket | null): PulseStore {
  if (!socket) return offline;
  let store = stores.get(socket);
  if (!store) stores.set(socket, (store = createStore(socket)));
  return store;
}

/** The room's pulse checks as this member may see them, and what they can do about them. */
export function usePulse(socket: ControlSocket | null): Pulse {
  const store = storeFor(socket);
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { state, actions: store.actions };
}

/**
 * A clock shared by every countdown on the page, ticking once a second while anyone
 * watches it. It tells the server's time (lib/serverClock.ts): countdowns end together.
 */
const clock = (() => {
  let now = serverNow();
  let timer: ReturnType<typeof setInterval> | null = null;
  const listeners = new Set<() => void>();
  return {
    subscribe(notify: () => void) {
      listeners.add(notify);
      if (!timer) {
        now = serverNow();
        timer = setInterval(() => {
          now = serverNow();
          for (const n of [...listeners]) n();
        }, 1000);
      }
      return () => {
        listeners.delete(notify);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
    getSnapshot: () => now,
  };
})();

/** The current time, updated every second. */
export function useNow(): number {
  return useSyncExternalStore(clock.subscribe, clock.getSnapshot);
}
