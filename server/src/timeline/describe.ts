import * as Y from 'yjs';
import { ITEM_NOUNS, type DocScope } from '@parley/shared';

/**
 * Turns a transaction into human sentences for the timeline ("added position “…”").
 * Reads only what Yjs reports as changed; private scopes are never described, because
 * the timeline is readable by everyone in the room.
 */
export function describeTransaction(doc: Y.Doc, scope: DocScope, tr: Y.Transaction): string[] {
  if (scope.kind === 'private' || scope.kind === 'mediator') return [];
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
  if (collection === 'notes') return [`edited ${noun}`];
  if (event.target === top) {
    const out: string[] = [];
    event.changes.keys.forEach((change, id) => {
      if (change.action === 'delete') out.push(`removed ${article(noun)} ${noun}`);
      else out.push(`added ${noun}${label(top.get(id))}`);
    });
    return out;
  }
  // A field of an item changed: find which item by walking up to the collection.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let item: Y.AbstractType<any> = event.target;
  while (item.parent && item.parent !== top) item = item.parent;
  if (item.parent !== top) return [];
  const fields = [...event.changes.keys.keys()];
  if (collection === 'scores') return ['changed an option score'];
  if (fields.includes('status') || fields.includes('outcome')) {
    const status = (item as Y.Map<unknown>).get(fields.includes('status') ? 'status' : 'outcome');
    return [`marked ${noun}${label(item)} as ${String(status)}`];
  }
  return [`edited ${noun}${label(item)}`];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function describeFacilitation(top: Y.Map<unknown>, event: Y.YEvent<any>): string[] {
  if (event.target !== top) return ['changed the timer'];
  const out: string[] = [];
  event.changes.keys.forEach((_change, key) => {
    if (key === 'phase') out.push(`moved the room to the ${String(top.get('phase'))} phase`);
    else if (key === 'timer') out.push(top.get('timer') ? 'set the timer' : 'cleared the timer');
  });
  return out;
}

function label(item: unknown): string {
  if (!(item instanceof Y.Map)) return '';
  const text = item.get('text') ?? item.get('title') ?? item.get('what');
  if (typeof text !== 'string' || !text.trim()) return '';
  const short = text.trim().length > 80 ? `${text.trim().slice(0, 79)}…` : text.trim();
  return ` “${short}”`;
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function topLevelName(doc: Y.Doc, type: Y.AbstractType<any>): string | null {
  for (const [name, shared] of doc.share) if (shared === type) return name;
  return null;
}
