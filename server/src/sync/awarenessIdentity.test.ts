import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import type { MemberView } from '@parley/shared';
import { MalformedMessage } from './protocol.js';
import { AwarenessStamper } from './awarenessIdentity.js';

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

const nobodyElse = () => false;

describe('stamping awareness with the server-known identity', () => {
  it('replaces whatever user a client claims with the identity behind its token', () => {
    const stamper = new AwarenessStamper(dana);
    const claim = JSON.stringify({ user: { name: 'The Mediator', role: 'mediator' }, editing: null });
    const out = stamper.stamp(update([[7, 1, claim]]), nobodyElse, unknown).update;
    expect(read(out!)).toEqual([[7, 1, { user: dana, editing: null }]]);
    expect([...stamper.owned]).toEqual([7]);
  });

  it('stamps a renewal of an unchanged state as before, and a changed state afresh', () => {
    const stamper = new AwarenessStamper(dana);
    const claim = JSON.stringify({ user: { name: 'The Mediator' }, editing: 'p1' });
    stamper.stamp(update([[7, 1, claim]]), nobodyElse, unknown);
    const renewal = stamper.stamp(update([[7, 2, claim]]), nobodyElse, () => 1).update;
    expect(read(renewal!)).toEqual([[7, 2, { user: dana, editing: 'p1' }]]);
    const moved = JSON.stringify({ user: { name: 'The Mediator' }, editing: 'p2' });
    const changed = stamper.stamp(update([[7, 3, moved]]), nobodyElse, () => 2).update;
    expect(read(changed!)).toEqual([[7, 3, { user: dana, editing: 'p2' }]]);
    // After a departure the same state again is a new arrival, stamped again.
    stamper.stamp(update([[7, 4, 'null']]), nobodyElse, () => 3);
    expect(read(stamper.stamp(update([[7, 5, moved]]), nobodyElse, () => 4).update!)).toEqual([
      [7, 5, { user: dana, editing: 'p2' }],
    ]);
  });

  it('drops states for client ids another connection speaks for', () => {
    const stamper = new AwarenessStamper(dana);
    const eightIsTaken = (id: number) => id === 8;
    const out = stamper.stamp(
      update([
        [7, 1, '{}'],
        [8, 1, '{}'],
      ]),
      eightIsTaken,
      unknown,
    ).update;
    expect(read(out!).map(([id]) => id)).toEqual([7]);
    expect(stamper.stamp(update([[8, 2, '{}']]), eightIsTaken, unknown).update).toBeNull();
  });

  it('passes removals (null states) through', () => {
    const stamper = new AwarenessStamper(dana);
    stamper.stamp(update([[7, 1, '{}']]), nobodyElse, unknown);
    expect(read(stamper.stamp(update([[7, 3, 'null']]), nobodyElse, () => 1).update!)).toEqual([[7, 3, null]]);
  });

  it('rejects states that are not objects and bytes that are not an awareness update', () => {
    const stamper = new AwarenessStamper(dana);
    expect(() => stamper.stamp(update([[7, 1, '"text"']]), nobodyElse, unknown)).toThrow(MalformedMessage);
    expect(() => stamper.stamp(update([[7, 1, '{not json']]), nobodyElse, unknown)).toThrow(MalformedMessage);
    expect(() => stamper.stamp(new Uint8Array([5, 1]), nobodyElse, unknown)).toThrow(MalformedMessage);
    // Nothing refused made the connection the owner of an id.
    expect(stamper.owned.size).toBe(0);
  });

  it('speaks for at most eight client ids per connection', () => {
    const stamper = new AwarenessStamper(dana);
    const many = Array.from({ length: 10 }, (_, i): [number, number, string] => [i + 1, 1, '{}']);
    const out = stamper.stamp(update(many), nobodyElse, unknown).update;
    expect(read(out!)).toHaveLength(8);
    expect(stamper.owned.size).toBe(8);
  });

  it('drops echoes of states the server already has, without taking their ids', () => {
    const stamper = new AwarenessStamper(dana);
    const known = new Map([[9, 4]]);
    const echo = stamper.stamp(update([[9, 4, '{}']]), nobodyElse, (id) => known.get(id));
    expect(echo).toEqual({ update: null, echoOnly: true });
    expect(stamper.owned.has(9)).toBe(false);
    const fresh = stamper.stamp(update([[9, 5, '{}']]), nobodyElse, (id) => known.get(id));
    expect(fresh.echoOnly).toBe(false);
    expect(stamper.owned.has(9)).toBe(true);
  });
});
