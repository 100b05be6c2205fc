import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import type { MemberView } from '@parley/shared';
import { MalformedMessage } from './protocol.js';
import { stampAwareness } from './awarenessIdentity.js';

const dana: MemberView = { memberId: 'm-dana', name: 'Dana', role: 'side', side: 'a' };
const unknown = () => undefined;

function update(entries: Array<[number, number, string]>): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, state);
  }
  return encoding.toUint8Array(e);
}

function read(u: Uint8Array): Array<[number, number, unknown]> {
  const d = decoding.createDecoder(u);
  const n = decoding.readVarUint(d);
  return Array.from({ length: n }, () => [
    decoding.readVarUint(d),
    decoding.readVarUint(d),
    JSON.parse(decoding.readVarString(d)),
  ]);
}

describe('stamping awareness with the server-known identity', () => {
  it('replaces whatever user a client claims with the identity behind its token', () => {
    const owned = new Set<number>();
    const out = stampAwareness(
      update([[7, 1, JSON.stringify({ user: { name: 'The Mediator', role: 'mediator' }, editing: null })]]),
      dana,
      owned,
      () => false,
      unknown,
    ).update;
    expect(read(out!)).toEqual([[7, 1, { user: dana, editing: null }]]);
    expect([...owned]).toEqual([7]);
  });

  it('drops states for client ids another connection speaks for', () => {
    const owned = new Set<number>();
    const out = stampAwareness(
      update([
        [7, 1, '{}'],
        [8, 1, '{}'],
      ]),
      dana,
      owned,
      (id) => id === 8,
      unknown,
    ).update;
    expect(read(out!).map(([id]) => id)).toEqual([7]);
    expect(stampAwareness(update([[8, 2, '{}']]), dana, owned, (id) => id === 8, unknown).update).toBeNull();
  });

  it('passes removals (null states) through', () => {
    const owned = new Set([7]);
    expect(read(stampAwareness(update([[7, 3, 'null']]), dana, owned, () => false, unknown).update!)).toEqual([
      [7, 3, null],
    ]);
  });

  it('rejects states that are not objects and bytes that are not an awareness update', () => {
    expect(() => stampAwareness(update([[7, 1, '"text"']]), dana, new Set(), () => false, unknown)).toThrow(
      MalformedMessage,
    );
    expect(() => stampAwareness(update([[7, 1, '{not json']]), dana, new Set(), () => false, unknown)).toThrow(
      MalformedMessage,
    );
    expect(() => stampAwareness(new Uint8Array([5, 1]), dana, new Set(), () => false, unknown)).toThrow(
      MalformedMessage,
    );
  });

  it('drops echoes of states the server already has, without taking their ids', () => {
    const owned = new Set<number>();
    const known = new Map([[9, 4]]);
    const echo = stampAwareness(
      update([[9, 4, '{}']]),
      dana,
      owned,
      () => false,
      (id) => known.get(id),
    );
    expect(echo).toEqual({ update: null, echoOnly: true });
    expect(owned.has(9)).toBe(false);
    const fresh = stampAwareness(
      update([[9, 5, '{}']]),
      dana,
      owned,
      () => false,
      (id) => known.get(id),
    );
    expect(fresh.echoOnly).toBe(false);
    expect(owned.has(9)).toBe(true);
  });
});
