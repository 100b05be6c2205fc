import type { DocScope, Role, SideId } from '@parley/shared';
import { canWrite } from '@parley/shared';
import type { RenderResult } from '@testing-library/react';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RoomValue } from '../../hooks/useRoom';
import { RoomContext } from '../../hooks/useRoom';
import type { DocHandle, RoomDocs } from '../../hooks/useRoomDocs';

/**
 * A room for component tests: real Yjs documents and awareness, no network. Each doc is
 * writable exactly when the permission table lets the given role write it.
 */

export const SIDES: [string, string] = ['Tenant', 'Landlord'];

function handle<K extends DocScope['kind']>(
  scope: DocScope & { kind: K },
  who: { role: Role; side?: SideId },
): DocHandle<K> {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const provider = { awareness, synced: true, on: () => {}, off: () => {} };
  return {
    name: `room1234/${scope.kind}${'side' in scope ? `/${scope.side}` : ''}`,
    scope,
    doc,
    provider,
    persistence: null,
    writable: canWrite(who, scope, { mediated: true }),
    facts: { everSynced: true, restored: false, closed: null },
  } as unknown as DocHandle<K>;
}

export function fakeRoom(role: Role, side?: SideId): RoomValue {
  const who = { role, ...(side ? { side } : {}) };
  const joint = handle({ kind: 'joint' }, who);
  const facilitation = handle({ kind: 'facilitation' }, who);
  const sides = { a: handle({ kind: 'side', side: 'a' }, who), b: handle({ kind: 'side', side: 'b' }, who) };
  const docs = {
    joint,
    facilitation,
    sides,
    private: null,
    mediator: null,
    all: [joint, facilitation, sides.a, sides.b],
  } as unknown as RoomDocs;
  return {
    session: {
      role,
      ...(side ? { side } : {}),
      room: { roomId: 'room1234', title: 'Lease renewal', sides: SIDES, mediated: true, createdAt: 0 },
      memberId: `member-${role}${side ?? ''}`,
      memberToken: 'token',
      name: 'Tester',
    },
    docs,
  };
}

export function renderInRoom(ui: ReactNode, room: RoomValue): RenderResult {
  return render(<RoomContext.Provider value={room}>{ui}</RoomContext.Provider>);
}

/** Writes an item as another client would: straight into the doc, unvalidated. */
export function seed(doc: Y.Doc, collection: string, id: string, fields: Record<string, unknown>): void {
  doc.getMap(collection).set(id, new Y.Map(Object.entries(fields)));
}

/** The plain fields of an item, or undefined when the doc has no such item. */
export function read(doc: Y.Doc, collection: string, id: string): Record<string, unknown> | undefined {
  const item = doc.getMap(collection).get(id);
  return item instanceof Y.Map ? (item.toJSON() as Record<string, unknown>) : undefined;
}

/** A small negotiation: two interests per side, options serving one or both sides. */
export function seedNegotiation(room: RoomValue): void {
  const { joint, sides } = room.docs;
  seed(sides.a.doc, 'interests', 'ia1', {
    text: 'Get to work on time',
    kind: 'need',
    concern: 'time',
    importance: 5,
    positionIds: [],
    createdAt: 1,
  });
  seed(sides.a.doc, 'interests', 'ia2', {
    text: 'Keep costs predictable',
    kind: 'fear',
    concern: 'resources',
    importance: 3,
    positionIds: [],
    createdAt: 2,
  });
  seed(sides.b.doc, 'interests', 'ib1', {
    text: 'Fair use of shared spaces',
    kind: 'need',
    concern: 'reputation',
    importance: 4,
    positionIds: [],
    createdAt: 1,
  });
  seed(joint.doc, 'options', 'o1', {
    text: 'Tenant pays for parking',
    serves: [{ side: 'a', interestId: 'ia1' }],
    createdAt: 1,
  });
  seed(joint.doc, 'options', 'o2', {
    text: 'Shared parking rota',
    serves: [
      { side: 'a', interestId: 'ia1' },
      { side: 'b', interestId: 'ib1' },
    ],
    createdAt: 2,
  });
}
