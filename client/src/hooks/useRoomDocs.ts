import type { DocScope, ScopeKind, SideId } from '@parley/shared';
import { CloseCode, canRead, canWrite, docName, roomScopes } from '@parley/shared';
import { useSyncExternalStore } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { keyedResources } from '../lib/sharedResource';
import type { Session } from '../lib/session';

export interface DocHandle<K extends ScopeKind = ScopeKind> {
  /** The wire name, e.g. `R/side/a`; also what awareness `editing.doc` refers to. */
  name: string;
  scope: DocScope & { kind: K };
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Whether this member may change the doc; views render no editing controls otherwise. */
  writable: boolean;
  /** Facts gathered from provider events since the doc was opened. */
  facts: { everSynced: boolean; closed: { code: number; reason: string } | null };
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

function openDoc(session: Session, scope: DocScope): DocHandle {
  const principal = { role: session.role, ...(session.side ? { side: session.side } : {}) };
  const room = { mediated: session.room.mediated };
  const name = docName(session.room.roomId, scope);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsBase(), name, doc, {
    params: { token: session.memberToken },
    // Tabs must not feed each other changes over BroadcastChannel: only what the server
    // accepted (and so what its permission checks let through) should reach this doc.
    disableBc: true,
    shouldReconnect,
  });
  provider.awareness.setLocalStateField('editing', null);
  const handle: DocHandle = {
    name,
    scope,
    doc,
    provider,
    writable: canWrite(principal, scope, room),
    facts: { everSynced: false, closed: null },
  };
  provider.on('sync', (synced) => {
    if (synced) handle.facts.everSynced = true;
  });
  provider.on('closed', (event) => {
    handle.facts.closed = event;
  });
  return handle;
}

function pick<K extends ScopeKind>(all: DocHandle[], match: (scope: DocScope) => boolean): DocHandle<K> | null {
  return (all.find((h) => match(h.scope)) as DocHandle<K> | undefined) ?? null;
}

function required<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`every member reads the ${what} document, but it was not opened`);
  return value;
}

function openRoom(session: Session): RoomDocs {
  const principal = { role: session.role, ...(session.side ? { side: session.side } : {}) };
  const room = { mediated: session.room.mediated };
  // Only docs this role may read are dialled: the server would refuse the rest anyway.
  const all = roomScopes(session.room.mediated)
    .filter((scope) => canRead(principal, scope, room))
    .map((scope) => openDoc(session, scope));
  return {
    all,
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
}

function closeRoom(docs: RoomDocs): void {
  for (const handle of docs.all) {
    handle.provider.destroy();
    handle.doc.destroy();
  }
}

const roomResource = keyedResources<RoomDocs>(closeRoom);

/** Opens (and shares) every document of the room this member may read; null until opened. */
export function useRoomDocs(session: Session): RoomDocs | null {
  const resource = roomResource(`${session.room.roomId}\n${session.memberToken}`, () => openRoom(session));
  return useSyncExternalStore(resource.subscribe, resource.getSnapshot);
}
