import { useSyncExternalStore } from 'react';
import { CloseCode } from '@parley/shared';
import type { DocHandle, RoomDocs } from './useRoomDocs';

/**
 * `ended`: the server closed the connection for good (revoked, refused); no reconnecting.
 * `unsaved`: the server is reachable but its storage refuses writes (4503); edits wait
 * on this device and go out on each reconnect until it takes them.
 */
export type LinkStatus = 'connecting' | 'live' | 'unsaved' | 'offline' | 'ended';

export interface DocsStatus {
  status: LinkStatus;
  /** A doc the server closed for good (revoked, forbidden, too large), if any. */
  closed: { doc: string; code: number; reason: string } | null;
}

const CONNECTING: DocsStatus = { status: 'connecting', closed: null };

function derive(handles: DocHandle[]): DocsStatus {
  const closedHandle = handles.find((h) => h.facts.closed !== null);
  if (closedHandle?.facts.closed) {
    return { status: 'ended', closed: { doc: closedHandle.name, ...closedHandle.facts.closed } };
  }
  if (typeof navigator !== 'undefined' && !navigator.onLine) return { status: 'offline', closed: null };
  if (handles.every((h) => h.provider.wsconnected && h.provider.synced)) return { status: 'live', closed: null };
  if (handles.some((h) => h.facts.lastClose === CloseCode.StorageUnavailable))
    return { status: 'unsaved', closed: null };
  // Having been live once, any gap is an outage we are recovering from, not a first dial.
  if (handles.some((h) => h.facts.everSynced)) return { status: 'offline', closed: null };
  return CONNECTING;
}

function same(x: DocsStatus, y: DocsStatus): boolean {
  return x.status === y.status && x.closed?.doc === y.closed?.doc && x.closed?.code === y.closed?.code;
}

const stores = new WeakMap<RoomDocs, { subscribe: (cb: () => void) => () => void; getSnapshot: () => DocsStatus }>();

function storeFor(docs: RoomDocs) {
  let store = stores.get(docs);
  if (!store) {
    let current = derive(docs.all);
    const getSnapshot = () => {
      const next = derive(docs.all);
      if (!same(next, current)) current = next;
      return current;
    };
    const subscribe = (notify: () => void) => {
      const onChange = () => notify();
      for (const { provider } of docs.all) {
        provider.on('status', onChange);
        provider.on('sync', onChange);
        provider.on('closed', onChange);
      }
      window.addEventListener('online', onChange);
      window.addEventListener('offline', onChange);
      return () => {
        for (const { provider } of docs.all) {
          provider.off('status', onChange);
          provider.off('sync', onChange);
          provider.off('closed', onChange);
        }
        window.removeEventListener('online', onChange);
        window.removeEventListener('offline', onChange);
      };
    };
    store = { subscribe, getSnapshot };
    stores.set(docs, store);
  }
  return store;
}

const noDocs = { subscribe: () => () => {}, getSnapshot: () => CONNECTING };

/** Connection status of the room's documents, from the providers' status and sync events. */
export function useDocsStatus(docs: RoomDocs | null): DocsStatus {
  const store = docs ? storeFor(docs) : noDocs;
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
