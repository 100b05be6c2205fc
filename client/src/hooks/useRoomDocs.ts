import type { DocScope, ScopeKind, SideId } from '@parley/shared';
import { CloseCode, canRead, canWrite, docName, roomScopes } from '@parley/shared';
import { useSyncExternalStore } from 'react';
import { IndexeddbPersistence, clearDocument } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { keyedResources } from '../lib/sharedResource';
import { principalOf, type Session } from '../lib/session';
import { RoomUndo } from '../lib/undo';

export interface DocHandle<K extends ScopeKind = ScopeKind> {
  /** The wire name, e.g. `R/side/a`; also what awareness `editing.doc` refers to. */
  name: string;
  scope: DocScope & { kind: K };
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** This device's copy of the doc, so edits made offline survive a reload; null where IndexedDB is unavailable. */
  persistence: IndexeddbPersistence | null;
  /** Whether this member may change the doc; views render no editing controls otherwise. */
  writable: boolean;
  /** Facts gathered from provider events since the doc was opened. */
  facts: {
    everSynced: boolean;
    /** This device's copy held something and has been loaded: the doc shows it until the server answers. */
    restored: boolean;
    closed: { code: number; reason: string } | null;
    /** The code of the latest connection the server closed, to tell why the doc is not live. */
    lastClose: number | null;
  };
}

export interface RoomDocs {
  joint: DocHandle<'joint'>;
  sides: Record<SideId, DocHandle<'side'>>;
  facilitation: DocHandle<'facilitation'>;
  /** The member's own side's private doc; null for mediators and observers. */
  private: DocHandle<'private'> | null;
  /** The mediator's notes; only for the mediator of a mediated room. */
  mediator: DocHandle<'mediator'> | null;
  all: DocHandle[];
  /** Undo and redo of this member's own edits, across every doc they may write. */
  undo: RoomUndo;
}

function wsBase(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`;
}

/**
 * 4xx close codes mean reconnecting cannot help (revoked, forbidden, too large) — except
 * the rate cap, which passes once the burst is over.
 */
function shouldReconnect(event: CloseEvent): boolean {
  if (event.code === CloseCode.TooManyMessages) return true;
  return !(event.code >= 4400 && event.code < 4500);
}

/**
 * Reconnect delays double from 100 ms up to this cap. Ten seconds keeps a room of
 * browsers from hammering a server that is restarting, and a browser that comes back
 * online does not wait for it: see `reconnectWhenOnline`.
 */
const MAX_BACKOFF_MS = 10_000;

/** The IndexedDB database of one doc for one member: two people sharing a browser never share a copy. */
function localName(session: Pick<Session, 'memberId'>, name: string): string {
  return `parley:${name}:${session.memberId}`;
}

function openDoc(session: Session, scope: DocScope): DocHandle {
  const principal = principalOf(session);
  const room = { mediated: session.room.mediated };
  const name = docName(session.room.roomId, scope);
  const doc = new Y.Doc();
  // Opened before the provider dials, so what this device kept is in the doc by the time
  // the server syncs, and whatever the server lacks (edits made offline) is sent to it.
  const persistence = typeof indexedDB === 'undefined' ? null : new IndexeddbPersistence(localName(session, name), doc);
  const provider = new WebsocketProvider(wsBase(), name, doc, {
    params: { token: session.memberToken },
    // Tabs must not feed each other changes over BroadcastChannel: only what the server
    // accepted (and so what its permission checks let through) should reach this doc.
    disableBc: true,
    shouldReconnect,
    maxBackoffTime: MAX_BACKOFF_MS,
  });
  provider.awareness.setLocalStateField('editing', null);
  const handle: DocHandle = {
    name,
    scope,
    doc,
    provider,
    persistence,
    writable: canWrite(principal, scope, room),
    facts: { everSynced: false, restored: false, closed: null, lastClose: null },
  };
  provider.on('sync', (synced) => {
    if (synced) handle.facts.everSynced = true;
  });
  provider.on('connection-close', (event) => {
    handle.facts.lastClose = event?.code ?? null;
  });
  provider.on('closed', (event) => {
    handle.facts.closed = event;
  });
  persistence?.on('synced', () => {
    handle.facts.restored = doc.store.clients.size > 0;
  });
  return handle;
}

/** Back online: dial now instead of waiting out the backoff (the provider ignores this while connected). */
function reconnectWhenOnline(all: DocHandle[]): () => void {
  const onOnline = () => {
    for (const handle of all) if (!handle.facts.closed) handle.provider.connect();
  };
  window.addEventListener('online', onOnline);
  return () => window.removeEventListener('online', onOnline);
}

function pick<K extends ScopeKind>(all: DocHandle[], match: (scope: DocScope) => boolean): DocHandle<K> | null {
  return (all.find((h) => match(h.scope)) as DocHandle<K> | undefined) ?? null;
}

function required<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`every member reads the ${what} document, but it was not opened`);
  return value;
}

function openRoom(session: Session): RoomDocs {
  const principal = principalOf(session);
  const room = { mediated: session.room.mediated };
  // Only docs this role may read are dialled: the server would refuse the rest anyway.
  const all = roomScopes(session.room.mediated)
    .filter((scope) => canRead(principal, scope, room))
    .map((scope) => openDoc(session, scope));
  const stopReconnecting = reconnectWhenOnline(all);
  const undo = new RoomUndo(all.filter((h) => h.writable).map((h) => h.doc));
  const docs: RoomDocs = {
    all,
    undo,
    joint: required(
      pick<'joint'>(all, (s) => s.kind === 'joint'),
      'joint',
    ),
    facilitation: required(
      pick<'facilitation'>(all, (s) => s.kind === 'facilitation'),
      'facilitation',
    ),
    sides: {
      a: required(
        pick<'side'>(all, (s) => s.kind === 'side' && s.side === 'a'),
        'side a',
      ),
      b: required(
        pick<'side'>(all, (s) => s.kind === 'side' && s.side === 'b'),
        'side b',
      ),
    },
    private: pick<'private'>(all, (s) => s.kind === 'private'),
    mediator: pick<'mediator'>(all, (s) => s.kind === 'mediator'),
  };
  cleanups.set(docs, stopReconnecting);
  return docs;
}

const cleanups = new WeakMap<RoomDocs, () => void>();

function closeRoom(docs: RoomDocs): void {
  cleanups.get(docs)?.();
  docs.undo.destroy();
  for (const handle of docs.all) {
    handle.provider.destroy();
    void handle.persistence?.destroy();
    handle.doc.destroy();
  }
}

const roomResource = keyedResources<RoomDocs>(closeRoom);

/**
 * Deletes this device's copies of the room's docs for this member (used when they
 * forget the room here). IndexedDB finishes the deletion once the open copies close.
 */
export function forgetLocalCopies(session: Session): void {
  if (typeof indexedDB === 'undefined') return;
  for (const scope of roomScopes(session.room.mediated)) {
    void clearDocument(localName(session, docName(session.room.roomId, scope))).catch(() => {});
  }
}

/** Opens (and shares) every document of the room this member may read; null until opened. */
export function useRoomDocs(session: Session): RoomDocs | null {
  const resource = roomResource(`${session.room.roomId}\n${session.memberToken}`, () => openRoom(session));
  return useSyncExternalStore(resource.subscribe, resource.getSnapshot);
}
