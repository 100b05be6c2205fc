import { PRIVATE_NOTES_DEFAULTS, RECORDS } from '@parley/shared';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useRecord } from './useRecord';

const useNotes = (doc: Y.Doc) => useRecord(doc, 'notes', RECORDS.private.notes, PRIVATE_NOTES_DEFAULTS);

describe('useRecord', () => {
  it('reads defaults from an empty doc and re-renders with each change', () => {
    const doc = new Y.Doc();
    const { result } = renderHook(() => useNotes(doc));
    expect(result.current).toEqual(PRIVATE_NOTES_DEFAULTS);

    act(() => doc.getMap('notes').set('walkAway', 'Stay in the flat'));
    expect(result.current).toEqual({ ...PRIVATE_NOTES_DEFAULTS, walkAway: 'Stay in the flat' });
  });

  it('keeps the valid fields when one is invalid, and one snapshot while nothing changes', () => {
    const doc = new Y.Doc();
    doc.getMap('notes').set('reservation', 'No more than 1300');
    doc.getMap('notes').set('notes', { not: 'text' });
    const first = renderHook(() => useNotes(doc)).result.current;
    expect(first).toEqual({ ...PRIVATE_NOTES_DEFAULTS, reservation: 'No more than 1300' });
    // Every reader of the same map shares the snapshot until the map changes.
    expect(renderHook(() => useNotes(doc)).result.current).toBe(first);
  });
});
