import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useCollection } from './useCollection';
import type { DocHandle } from './useRoomDocs';

function handle(writable: boolean): DocHandle<'side'> {
  return { doc: new Y.Doc(), scope: { kind: 'side', side: 'a' }, writable } as unknown as DocHandle<'side'>;
}

/** Writes a position as another client would, replacing any item of that id. */
function setPosition(doc: Y.Doc, id: string, text: string, createdAt: number): void {
  const fields: [string, unknown][] = [
    ['text', text],
    ['because', ''],
    ['createdAt', createdAt],
  ];
  doc.getMap('positions').set(id, new Y.Map<unknown>(fields));
}

function seedPositions(doc: Y.Doc, count: number): void {
  doc.transact(() => {
    for (let i = 0; i < count; i++) setPosition(doc, `p${i}`, `Position ${i}`, i);
  });
}

const fieldsOf = (doc: Y.Doc, id: string) => doc.getMap('positions').get(id) as Y.Map<unknown>;

describe('useCollection', () => {
  it('re-renders with each remote change and reports a hostile item as invalid', () => {
    const h = handle(true);
    const { result } = renderHook(() => useCollection(h, 'positions'));
    expect(result.current.items).toEqual([]);

    act(() => {
      setPosition(h.doc, 'p1', 'Rent stays at 1200', 1);
      h.doc.getMap('positions').set('evil', new Y.Map<unknown>([['text', { not: 'a string' }]]));
    });
    expect(result.current.items.map((i) => [i.id, i.ok])).toEqual([
      ['p1', true],
      ['evil', false],
    ]);
  });

  it('refuses invalid input with a message and writes nothing', () => {
    const h = handle(true);
    const { result } = renderHook(() => useCollection(h, 'positions'));
    let outcome: ReturnType<typeof result.current.add> | undefined;
    act(() => {
      outcome = result.current.add({ id: 'p1', text: '', because: '', createdAt: 1 });
    });
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/text/) });
    expect(h.doc.getMap('positions').size).toBe(0);
  });

  it('offers no writes on a document the member may only read', () => {
    const h = handle(false);
    const { result } = renderHook(() => useCollection(h, 'positions'));
    expect(result.current.writable).toBe(false);
    expect(result.current.add({ id: 'p1', text: 'x', because: '', createdAt: 1 })).toMatchObject({ ok: false });
    expect(h.doc.getMap('positions').size).toBe(0);
  });

  it('keeps unchanged items the same objects when one item changes, and the whole view while nothing does', () => {
    const h = handle(true);
    seedPositions(h.doc, 5);
    const { result, rerender } = renderHook(() => useCollection(h, 'positions'));
    const before = result.current;
    rerender();
    expect(result.current).toBe(before);

    act(() => fieldsOf(h.doc, 'p2').set('text', 'Rent drops'));
    const after = result.current.items;
    expect(after.map((i) => i.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(after[2]).toMatchObject({ ok: true, value: { text: 'Rent drops' } });
    expect(after[2]).not.toBe(before.items[2]);
    for (const i of [0, 1, 3, 4]) expect(after[i]).toBe(before.items[i]);
    expect(result.current.update).toBe(before.update);

    act(() => h.doc.getMap('interests').set('i1', new Y.Map<unknown>([['text', 'Security']])));
    expect(result.current.items).toBe(after);
  });

  it('re-validates an item replaced, broken from inside or removed', () => {
    const h = handle(true);
    seedPositions(h.doc, 3);
    const { result } = renderHook(() => useCollection(h, 'positions'));

    act(() => fieldsOf(h.doc, 'p0').set('text', new Y.Map<unknown>([['not', 'a string']])));
    expect(result.current.items.find((i) => i.id === 'p0')?.ok).toBe(false);
    act(() => (fieldsOf(h.doc, 'p0').get('text') as Y.Map<unknown>).set('not', 'still not'));
    expect(result.current.items.find((i) => i.id === 'p0')).toMatchObject({
      ok: false,
      raw: { text: { not: 'still not' } },
    });

    act(() => setPosition(h.doc, 'p0', 'Again', 9));
    expect(result.current.items.map((i) => [i.id, i.ok])).toEqual([
      ['p1', true],
      ['p2', true],
      ['p0', true],
    ]);

    act(() => h.doc.getMap('positions').delete('p1'));
    expect(result.current.items.map((i) => i.id)).toEqual(['p2', 'p0']);
  });

  it('shows a change made while no component was reading the collection', () => {
    const h = handle(true);
    seedPositions(h.doc, 2);
    renderHook(() => useCollection(h, 'positions')).unmount();
    fieldsOf(h.doc, 'p1').set('text', 'Changed while away');
    const { result } = renderHook(() => useCollection(h, 'positions'));
    expect(result.current.items[1]).toMatchObject({ value: { text: 'Changed while away' } });
  });
});
