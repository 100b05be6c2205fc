import type { ItemResult, ScopeKind } from '@parley/shared';
import { COLLECTIONS, addItem, readItems, removeItem, updateItem } from '@parley/shared';
import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { z } from 'zod';
import type { DocHandle } from './useRoomDocs';

type Collections = typeof COLLECTIONS;
export type CollectionName<K extends ScopeKind> = keyof Collections[K] & string;
export type ItemOf<K extends ScopeKind, N extends CollectionName<K>> =
  Collections[K][N] extends z.ZodType<infer T> ? T : never;

/** The outcome of a write: the schema refuses bad input before anything reaches the doc. */
export type WriteResult = { ok: true } | { ok: false; message: string };

export interface CollectionView<T> {
  items: ItemResult<T>[];
  writable: boolean;
  add: (item: T) => WriteResult;
  update: (id: string, patch: Partial<Omit<T, 'id'>>) => WriteResult;
  remove: (id: string) => WriteResult;
}

interface Store<T> {
  subscribe: (notify: () => void) => () => void;
  getSnapshot: () => ItemResult<T>[];
}

// One store per (doc, collection), so every component reading it shares one validated snapshot.
const stores = new WeakMap<Y.Doc, Map<string, Store<unknown>>>();

function storeFor<T>(doc: Y.Doc, name: string, schema: z.ZodType<T>): Store<T> {
  let byName = stores.get(doc);
  if (!byName) stores.set(doc, (byName = new Map()));
  let store = byName.get(name) as Store<T> | undefined;
  if (!store) {
    let version = 0;
    let readAt = -1;
    let snapshot: ItemResult<T>[] = [];
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
          snapshot = readItems(doc, name, schema as z.ZodType<T & { createdAt?: number }>);
          readAt = version;
        }
        return snapshot;
      },
    };
    byName.set(name, store as Store<unknown>);
  }
  return store;
}

function attempt(write: () => void): WriteResult {
  try {
    write();
    return { ok: true };
  } catch (error) {
    return { ok: false, message: describeWriteError(error) };
  }
}

function describeWriteError(error: unknown): string {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    const issues = error.issues as Array<{ path: PropertyKey[]; message: string }>;
    return issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
  }
  return error instanceof Error ? error.message : 'the change could not be saved';
}

const readOnly = (): WriteResult => ({ ok: false, message: 'You can read this but not change it.' });

/**
 * One collection of a room document: its items, each validated (invalid ones are
 * returned as such, never thrown), and the writes this member may make.
 */
export function useCollection<K extends ScopeKind, N extends CollectionName<K>>(
  handle: DocHandle<K>,
  name: N,
): CollectionView<ItemOf<K, N>> {
  type T = ItemOf<K, N>;
  const schema = (COLLECTIONS[handle.scope.kind] as Record<string, z.ZodType>)[name] as z.ZodType<T & { id: string }>;
  const store = storeFor(handle.doc, name, schema);
  const items = useSyncExternalStore(store.subscribe, store.getSnapshot) as ItemResult<T>[];
  const { doc, writable } = handle;
  if (!writable) return { items, writable, add: readOnly, update: readOnly, remove: readOnly };
  return {
    items,
    writable,
    add: (item) => attempt(() => addItem(doc, name, schema, item as T & { id: string })),
    update: (id, patch) =>
      attempt(() => {
        if (!updateItem(doc, name, schema, id, patch as Partial<Omit<T & { id: string }, 'id'>>)) {
          throw new Error('This item was removed by someone else.');
        }
      }),
    remove: (id) => attempt(() => removeItem(doc, name, id)),
  };
}
