import * as Y from 'yjs';
import { ITEM_NOUNS, type DocScope } from '@parley/shared';

/**
 * Turns a transaction into human sentences for the timeline ("added position “…”").
 * Reads only what Yjs reports as changed; private scopes are never described, because
 * the timeline is readable by everyone in the room.
 */
export function describeTransaction(doc: Y.Doc, scope: DocScope, tr: Y.Transaction): string[] {
  if (scope.kind === 'private' || scope.kind === 'mediator') return [];
  try {
    return describe(doc, tr);
  } catch {
    // Content is untrusted: whatever a client wrote, describing it must not fail the edit.
    return ['changed the board'];
  }
}

function describe(doc: Y.Doc, tr: Y.Transaction): string[] {
  const sentences = new Set<string>();
  for (const [type, events] of tr.changedParentTypes) {
    if (type._item !== null) continue;
    const name = topLevelName(doc, type);
    if (!name || !(type instanceof Y.Map)) continue;
    for (const event of events) {
      for (const sentence of describeEvent(name, type, event)) sentences.add(sentence);
    }
  }
  return [...sentences];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function describeEvent(collection: string, top: Y.Map<unknown>, event: Y.YEvent<any>): string[] {
  const noun = ITEM_NOUNS[collection] ?? collection;
  if (collection === 'state') return describeFacilitation(top, event);
  // Phase changes are described once, from the phase itself.
  if (collection === 'phaseHistory') return [];
  if (collection === 'scores') return ['scored an option'];
  if (collection === 'acceptances' && event.target === top) {
    const out: string[] = [];
    event.changes.keys.forEach((change) =>
      out.push(change.action === 'delete' ? 'withdrew acceptance of an agreement' : 'accepted an agreement'),
    );
    return out;
  }
  if (collection === 'notes') return [`edited ${noun}`];
  if (event.target === top) {
    const out: string[] = [];
    event.changes.keys.forEach((change, id) => {
      if (change.action === 'delete') {
        const removed = labelOfRemoved(change.oldValue);
        out.push(removed ? `removed ${noun}${removed}` : `removed ${article(noun)} ${noun}`);
      } else out.push(`added ${noun}${label(top.get(id))}`);
    });
    return out;
  }
  // A field of an item changed: find which item by walking up to the collection.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let item: Y.AbstractType<any> = event.target;
  while (item.parent && item.parent !== top) item = item.parent;
  if (item.parent !== top) return [];
  const fields = [...event.changes.keys.keys()];
  if (fields.includes('status') || fields.includes('outcome')) {
    const status = (item as Y.Map<unknown>).get(fields.includes('status') ? 'status' : 'outcome');
    return [`marked ${noun}${label(item)} as ${typeof status === 'string' ? status.slice(0, 40) : 'changed'}`];
  }
  return [`edited ${noun}${label(item)}`];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function describeFacilitation(top: Y.Map<unknown>, event: Y.YEvent<any>): string[] {
  if (event.target !== top) return ['changed the timer'];
  const out: string[] = [];
  event.changes.keys.forEach((_change, key) => {
    const phase = top.get('phase');
    if (key === 'phase')
      out.push(`moved the room to the ${typeof phase === 'string' ? phase.slice(0, 40) : 'next'} phase`);
    else if (key === 'timer') out.push(top.get('timer') ? 'set the timer' : 'cleared the timer');
  });
  return out;
}

/** The fields that name an item, in the order looked for. */
const NAMING_FIELDS = ['text', 'title', 'what'];

function label(item: unknown): string {
  if (!(item instanceof Y.Map)) return '';
  for (const key of NAMING_FIELDS) if (item.has(key)) return quote(item.get(key));
  return '';
}

function quote(text: unknown): string {
  if (typeof text !== 'string' || !text.trim()) return '';
  const short = text.trim().length > 80 ? `${text.trim().slice(0, 79)}…` : text.trim();
  return ` “${short}”`;
}

/**
 * The label of an item removed in this transaction. Its fields were deleted with it, so
 * `get` no longer sees them, but their content stays in the document until Yjs collects
 * it after the transaction, which is after the timeline has read it.
 */
function labelOfRemoved(item: unknown): string {
  if (!(item instanceof Y.Map)) return '';
  for (const key of NAMING_FIELDS) {
    const field = item._map.get(key);
    if (field) return quote(field.content.getContent().at(-1));
  }
  return '';
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function topLevelName(doc: Y.Doc, type: Y.AbstractType<any>): string | null {
  for (const [name, shared] of doc.share) if (shared === type) return name;
  return null;
}
