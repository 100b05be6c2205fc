import type * as Y from 'yjs';

/** What `useSyncExternalStore` needs to read one top-level map of a doc. */
export interface DocStore<T> {
  subscribe: (notify: () => void) => () => void;
  getSnapshot: () => T;
}

/**
 * A cache of stores, one per (doc, map name), so every component reading a map shares
 * one snapshot. The snapshot is re-read only after the map changed: reading validates
 * every entry, and an unchanged snapshot must stay the same object for React.
 */
export function docStores<T>() {
  const stores = new WeakMap<Y.Doc, Map<string, DocStore<T>>>();
  return (doc: Y.Doc, name: string, read: () => T): DocStore<T> => {
    let byName = stores.get(doc);
    if (!byName) stores.set(doc, (byName = new Map()));
    let store = byName.get(name);
    if (!store) {
      store = observedMap(doc, name, read);
      byName.set(name, store);
    }
    return store;
  };
}

function observedMap<T>(doc: Y.Doc, name: string, read: () => T): DocStore<T> {
  let version = 0;
  let readAt = -1;
  let snapshot: T;
  return {
    subscribe: (notify) => {
      const map = doc.getMap(name);
      const onChange = () => {
        version++;
        notify();
      };
      map.observeDeep(onChange);
      return () => map.unobserveDeep(onChange);
    },
    getSnapshot: () => {
      if (readAt !== version) {
        snapshot = read();
        readAt = version;
      }
      return snapshot;
    },
  };
}
