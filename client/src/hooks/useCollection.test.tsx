import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useCollection } from './useCollection';
import type { DocHandle } from './useRoomDocs';

function handle(writable: boolean): DocHandle<'side'> {
  return { doc: new Y.Doc(), scope: { kind: 'side', side: 'a' }, writable } as unknown as DocHandle<'side'>;
}

describe('useCollection', () => {
  it('re-renders with each remote change and reports a hostile item as invalid', () => {
    const h = handle(true);
    const { result } = renderHook(() => useCollection(h, 'positions'));
    expect(result.current.items).toEqual([]);

    act(() => {
      h.doc.getMap('positions').set(
        'p1',
        new Y.Map<unknown>([
          ['text', 'Rent stays at 1200'],
          ['because', ''],
          ['createdAt', 1],
        ]),
      );
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
});
