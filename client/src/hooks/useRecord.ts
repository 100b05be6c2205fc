import { readRecord } from '@parley/shared';
import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { z } from 'zod';

interface Store<T> {
  subscribe: (notify: () => void) => () => void;
  getSnapshot: () => T;
}

const stores = new WeakMap<Y.Doc, Map<string, Store<unknown>>>();

/**
 * A single-record map of a doc (facilitation state, notes), validated field by field
 * with defaults for whatever is missing or invalid.
 */
export function useRecord<T extends object>(doc: Y.Doc, name: string, schema: z.ZodType<T>, defaults: T): T {
  let byName = stores.get(doc);
  if (!byName) stores.set(doc, (byName = new Map()));
  let store = byName.get(name) as Store<T> | undefined;
  if (!store) {
    let version = 0;
    let readAt = -1;
    let snapshot = defaults;
    store = {
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
          snapshot = readRecord(doc, name, schema, defaults);
          readAt = version;
        }
        return snapshot;
      },
    };
    byName.set(name, store as Store<unknown>);
  }
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
