import type * as Y from 'yjs';

/** What `useSyncExternalStore` needs to read one top-level map of a doc. */
export interface DocStore<T> {
  subscribe: (notify: () => void) => () => void;
  getSnapshot: () => T;
}

/**
 * Reads a map into a snapshot. `previous` is the last snapshot (none on the first read);
 * `changed` names the map's keys whose entries were set, removed or changed inside since then.
 */
export type ReadMap<T> = (previous: T | undefined, changed: ReadonlySet<string>) => T;

/**
 * A cache of stores, one per (doc, map name), so every component reading a map shares
 * one snapshot. The snapshot is re-read only after the map changed: reading validates
 * entries, and an unchanged snapshot must stay the same object for React.
 */
export function docStores<T>() {
  const stores = new WeakMap<Y.Doc, Map<string, DocStore<T>>>();
  return (doc: Y.Doc, name: string, read: ReadMap<T>): DocStore<T> => {
    let byName = stores.get(doc);
    if (!byName) stores.set(doc, (byName = new Map()));
    let store = byName.get(name);
    if (!store) {
      store = observedMap(doc.getMap(name), read);
      byName.set(name, store);
    }
    return store;
  };
}

function observedMap<T>(map: Y.Map<unknown>, read: ReadMap<T>): DocStore<T> {
  const listeners = new Set<() => void>();
  let changed = new Set<string>();
  let stale = true;
  let snapshot: T | undefined;
  // Observed for the doc's whole life, not only while someone subscribes: a change made
  // while no component was mounted must still reach the next reader.
  map.observeDeep((events) => {
    for (const event of events) {
      // An entry set or removed shows on the map itself; a change inside an entry, by its path.
      if (event.target === map) for (const key of (event as Y.YMapEvent<unknown>).keysChanged) changed.add(key);
      else changed.add(String(event.path[0]));
    }
    stale = true;
    for (const notify of [...listeners]) notify();
  });
  return {
    subscribe: (notify) => {
      listeners.add(notify);
      return () => listeners.delete(notify);
    },
    getSnapshot: () => {
      if (stale) {
        snapshot = read(snapshot, changed);
        changed = new Set();
        stale = false;
      }
      return snapshot as T;
    },
  };
}
