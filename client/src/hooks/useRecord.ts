import { readRecord } from '@parley/shared';
import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { z } from 'zod';
import { docStores } from './docStore';

const recordStores = docStores<object>();

/**
 * A single-record map of a doc (facilitation state, notes), validated field by field
 * with defaults for whatever is missing or invalid.
 */
export function useRecord<T extends object>(doc: Y.Doc, name: string, schema: z.ZodType<T>, defaults: T): T {
  const store = recordStores(doc, name, () => readRecord(doc, name, schema, defaults));
  return useSyncExternalStore(store.subscribe, store.getSnapshot) as T;
}
