import type { DocScope, Role, SideId } from '@parley/shared';
import { canRead, canWrite, docName, roomScopes } from '@parley/shared';
import * as Y from 'yjs';
import type { DocHandle, RoomDocs } from '../../hooks/useRoomDocs';
import type { Session } from '../../lib/session';
import { RoomUndo } from '../../lib/undo';

/**
 * A room for component tests: real Y.Docs with the permission table's `writable`, and
 * a provider stand-in that never dials. Only what the views read is stubbed.
 */
export function testSession(role: Role, side?: SideId, mediated = true): Session {
  return {
    role,
    ...(side ? { side } : {}),
    room: { roomId: 'room12345', title: 'Lease renewal', sides: ['Tenant', 'Landlord'], mediated, createdAt: 1 },
    memberId: `${role}-${side ?? 'x'}`,
    memberToken: 'token',
    name: role === 'side' ? (side === 'a' ? 'Dana' : 'Lee') : role === 'mediator' ? 'Morgan' : 'Olive',
  };
}

function fakeProvider() {
  return {
    synced: true,
    wsconnected: true,
    on() {},
    off() {},
    connect() {},
    awareness: {
      clientID: 1,
      getStates: () => new Map(),
      getLocalState: () => null,
      setLocalStateField() {},
      on() {},
      off() {},
    },
  };
}

export function testHandle<K extends DocScope['kind']>(
  scope: DocScope & { kind: K },
  writable: boolean,
  doc = new Y.Doc(),
): DocHandle<K> {
  return {
    name: docName('room12345', scope),
    scope,
    doc,
    provider: fakeProvider() as unknown as DocHandle['provider'],
    persistence: null,
    writable,
    facts: { everSynced: true, restored: false, closed: null },
  } as DocHandle<K>;
}

/** The docs a member of this role would open, as `useRoomDocs` would pick them. */
export function testDocs(session: Session): RoomDocs {
  const who = { role: session.role, ...(session.side ? { side: session.side } : {}) };
  const room = { mediated: session.room.mediated };
  const all = roomScopes(session.room.mediated)
    .filter((s) => canRead(who, s, room))
    .map((s) => testHandle(s, canWrite(who, s, room)));
  const find = (pred: (s: DocScope) => boolean) => all.find((h) => pred(h.scope)) ?? null;
  return {
    all,
    undo: new RoomUndo(all.filter((h) => h.writable).map((h) => h.doc)),
    joint: find((s) => s.kind === 'joint') as DocHandle<'joint'>,
    facilitation: find((s) => s.kind === 'facilitation') as DocHandle<'facilitation'>,
    sides: {
      a: find((s) => s.kind === 'side' && s.side === 'a') as DocHandle<'side'>,
      b: find((s) => s.kind === 'side' && s.side === 'b') as DocHandle<'side'>,
    },
    private: find((s) => s.kind === 'private') as DocHandle<'private'> | null,
    mediator: find((s) => s.kind === 'mediator') as DocHandle<'mediator'> | null,
  };
}
