import type { ItemResult, ScopeKind } from '@parley/shared';
import { COLLECTIONS, addItem, readItems, removeItem, updateItem } from '@parley/shared';
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { z } from 'zod';
import type { ReadMap } from './docStore';
import { docStores } from './docStore';
import type { DocHandle } from './useRoomDocs';

type Collections = typeof COLLECTIONS;
export type CollectionName<K extends ScopeKind> = keyof Collections[K] & string;
export type ItemOf<K extends ScopeKind, N extends CollectionName<K>> =
  Collections[K][N] extends z.ZodType<infer T> ? T : never;

/** The outcome of a write: the schema refuses bad input before anything reaches the doc. */
export type WriteResult = { ok: true } | { ok: false; message: string };

export interface CollectionView<T> {
  items: ItemResult<T>[];
  /** The items as they are now, for a write that depends on them: read when it is made, not when rendered. */
  latest: () => ItemResult<T>[];
  writable: boolean;
  add: (item: T) => WriteResult;
  update: (id: string, patch: Partial<Omit<T, 'id'>>) => WriteResult;
  remove: (id: string) => WriteResult;
}

// One validated snapshot per (doc, collection), shared by every component reading it.
const collectionStores = docStores<ItemResult<unknown>[]>();

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
 * Re-reads a collection validating only the items that changed since the previous read:
 * the others keep their results, so unchanged items stay the same objects.
 */
function readChanged<T extends object>(doc: Y.Doc, name: string, schema: z.ZodType<T>): ReadMap<ItemResult<T>[]> {
  return (previous, changed) => {
    const unchanged = new Map((previous ?? []).filter((r) => !changed.has(r.id)).map((r) => [r.id, r]));
    return readItems(doc, name, schema, unchanged);
  };
}

/**
 * One collection of a room document: its items, each validated (invalid ones are
 * returned as such, never thrown), and the writes this member may make. The view and its
 * writes stay the same objects until the items change, so memoised item cards can skip.
 */
export function useCollection<K extends ScopeKind, N extends CollectionName<K>>(
  handle: DocHandle<K>,
  name: N,
): CollectionView<ItemOf<K, N>> {
  type T = ItemOf<K, N>;
  const schema = (COLLECTIONS[handle.scope.kind] as Record<string, z.ZodType>)[name] as z.ZodType<T & { id: string }>;
  const { doc, writable } = handle;
  const store = collectionStores(doc, name, readChanged(doc, name, schema) as ReadMap<ItemResult<unknown>[]>);
  const items = useSyncExternalStore(store.subscribe, store.getSnapshot) as ItemResult<T>[];
  const writes = useMemo(() => (writable ? writesOf(doc, name, schema) : READ_ONLY), [doc, name, schema, writable]);
  const latest = store.getSnapshot as () => ItemResult<T>[];
  return useMemo(() => ({ items, latest, writable, ...writes }), [items, latest, writable, writes]);
}

type Writes<T> = Pick<CollectionView<T>, 'add' | 'update' | 'remove'>;

const READ_ONLY = { add: readOnly, update: readOnly, remove: readOnly };

function writesOf<T>(doc: Y.Doc, name: string, schema: z.ZodType<T & { id: string }>): Writes<T> {
  type Stored = T & { id: string };
  return {
    add: (item) => attempt(() => addItem(doc, name, schema, item as Stored)),
    update: (id, patch) =>
      attempt(() => {
        if (!updateItem(doc, name, schema, id, patch as Partial<Omit<Stored, 'id'>>)) {
          throw new Error('This item was removed by someone else.');
        }
      }),
    remove: (id) => attempt(() => removeItem(doc, name, id)),
  };
}
