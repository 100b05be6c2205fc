import * as Y from 'yjs';
import type { z } from 'zod';

/**
 * Generic typed access to the Yjs documents. Every collection is a top-level Y.Map
 * from item id to a Y.Map of fields, so concurrent edits of different fields of one
 * item merge. Everything read back is validated: a hostile or buggy client can write
 * anything its scope allows, and the reader must survive it.
 */

export type ItemResult<T> = { id: string; ok: true; value: T } | { id: string; ok: false; raw: unknown; error: string };

type Fields = Record<string, unknown>;

/** A random URL-safe id. Uses getRandomValues, which (unlike randomUUID) works on plain-http origins too. */
export function newId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function collection(doc: Y.Doc, name: string): Y.Map<unknown> {
  return doc.getMap(name);
}

function plain(value: unknown): unknown {
  return value instanceof Y.AbstractType ? value.toJSON() : value;
}

/**
 * Reads and validates every item of a collection; valid ones first by creation time.
 * `unchanged` holds results the caller read before for items it knows have not changed
 * since; those are kept as they are (same objects) instead of being validated again.
 */
export function readItems<T extends object>(
  doc: Y.Doc,
  name: string,
  schema: z.ZodType<T>,
  unchanged?: ReadonlyMap<string, ItemResult<T>>,
): ItemResult<T>[] {
  const results: ItemResult<T>[] = [];
  collection(doc, name).forEach((value, id) => {
    results.push(unchanged?.get(id) ?? readItem(id, value, schema));
  });
  return results.sort((x, y) => {
    if (x.ok !== y.ok) return x.ok ? -1 : 1;
    const tx = x.ok ? sortTime(x.value) : 0;
    const ty = y.ok ? sortTime(y.value) : 0;
    return tx - ty || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  });
}

function readItem<T extends object>(id: string, value: unknown, schema: z.ZodType<T>): ItemResult<T> {
  const raw = plain(value);
  const candidate = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? { ...raw, id } : raw;
  const parsed = schema.safeParse(candidate);
  return parsed.success
    ? { id, ok: true, value: parsed.data }
    : {
        id,
        ok: false,
        raw,
        error: parsed.error.issues.map((i) => `${i.path.join('.') || 'item'}: ${i.message}`).join('; '),
      };
}

/** Items carry `createdAt`, or `at` for events such as phase changes. */
function sortTime(value: object): number {
  const v = value as { createdAt?: unknown; at?: unknown };
  return typeof v.createdAt === 'number' ? v.createdAt : typeof v.at === 'number' ? v.at : 0;
}

/** The valid items only, for computations that must not see invalid data. */
export function validItems<T extends object>(doc: Y.Doc, name: string, schema: z.ZodType<T>): T[] {
  return readItems(doc, name, schema).flatMap((r) => (r.ok ? [r.value] : []));
}

/** Adds an item after validating it; throws a ZodError on invalid input and writes nothing. */
export function addItem<T extends { id: string }>(doc: Y.Doc, name: string, schema: z.ZodType<T>, item: T): T {
  const value = schema.parse(item);
  doc.transact(() => {
    const fields = new Y.Map<unknown>();
    for (const [key, v] of Object.entries(value as Fields)) {
      if (key !== 'id' && v !== undefined) fields.set(key, v);
    }
    collection(doc, name).set(value.id, fields);
  });
  return value;
}

/**
 * Changes some fields of an existing item. The merged result is validated first, so
 * an invalid patch throws and writes nothing. Returns false when the item is gone.
 */
export function updateItem<T extends { id: string }>(
  doc: Y.Doc,
  name: string,
  schema: z.ZodType<T>,
  id: string,
  patch: Partial<Omit<T, 'id'>>,
): boolean {
  const current = collection(doc, name).get(id);
  if (!(current instanceof Y.Map)) return false;
  const merged = schema.parse({ ...(current.toJSON() as Fields), ...patch, id });
  doc.transact(() => {
    for (const [key, v] of Object.entries(patch as Fields)) {
      if (v === undefined) continue;
      const next = (merged as Fields)[key];
      if (JSON.stringify(current.get(key)) !== JSON.stringify(next)) current.set(key, next);
    }
  });
  return true;
}

export function removeItem(doc: Y.Doc, name: string, id: string): void {
  const items = collection(doc, name);
  if (items.has(id)) items.delete(id);
}

/** Reads a single-record map (notes, phase state) validated against its schema, falling back to defaults. */
export function readRecord<T extends object>(doc: Y.Doc, name: string, schema: z.ZodType<T>, defaults: T): T {
  const raw = doc.getMap(name).toJSON();
  const parsed = schema.safeParse({ ...defaults, ...raw });
  if (parsed.success) return parsed.data;
  // Keep whatever fields are individually valid; never let one bad field blank the rest.
  const result: Fields = { ...(defaults as Fields) };
  for (const [key, value] of Object.entries(raw)) {
    const attempt = schema.safeParse({ ...(defaults as Fields), [key]: value });
    if (attempt.success) result[key] = value;
  }
  return result as T;
}

export function setRecordField<T extends object>(
  doc: Y.Doc,
  name: string,
  schema: z.ZodType<T>,
  defaults: T,
  key: keyof T & string,
  value: T[keyof T],
): void {
  schema.parse({ ...defaults, [key]: value });
  const map = doc.getMap(name);
  if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
}
