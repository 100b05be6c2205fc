import {
  addItem,
  agendaTopicSchema,
  draftSchema,
  phaseChangeSchema,
  positionSchema,
  type DocScope,
  type ScopeKind,
} from '@parley/shared';
import type * as Y from 'yjs';

/**
 * A recognisable, schema-valid item for each kind of document, so a test can write a
 * marker into any doc and later ask whether a given copy of the doc holds it.
 */
export interface Probe {
  /** The top-level map the marker goes into. */
  collection: string;
  write(doc: Y.Doc, marker: string): void;
  has(doc: Y.Doc, marker: string): boolean;
}

const item = (collection: string, write: (doc: Y.Doc, marker: string) => void): Probe => ({
  collection,
  write,
  has: (doc, marker) => doc.getMap(collection).has(marker),
});

const PROBES: Record<ScopeKind, Probe> = {
  joint: item('agenda', (doc, id) =>
    addItem(doc, 'agenda', agendaTopicSchema, { id, title: `topic ${id}`, status: 'open', order: 1, createdAt: 1 }),
  ),
  side: item('positions', (doc, id) =>
    addItem(doc, 'positions', positionSchema, { id, text: `position ${id}`, because: '', createdAt: 1 }),
  ),
  private: item('drafts', (doc, id) =>
    addItem(doc, 'drafts', draftSchema, { id, kind: 'position', text: `draft ${id}`, because: '', createdAt: 1 }),
  ),
  facilitation: item('phaseHistory', (doc, id) =>
    addItem(doc, 'phaseHistory', phaseChangeSchema, { id, phase: 'options', at: 1 }),
  ),
  // The mediator doc is a single record: the marker is a key of its notes map.
  mediator: item('notes', (doc, id) => doc.getMap('notes').set(id, `notes ${id}`)),
};

export function probeFor(scope: DocScope): Probe {
  return PROBES[scope.kind];
}

/** True when a doc holds no content at all. */
export function isEmptyDoc(doc: Y.Doc): boolean {
  return doc.store.clients.size === 0;
}
