import { useCallback, useMemo } from 'react';
import type { Peer } from './useAwarenessPeers';
import { useAwarenessPeers } from './useAwarenessPeers';
import type { DocHandle } from './useRoomDocs';

/** Who edits an item nobody edits: always this one array, so a card given it can skip re-rendering. */
const NO_EDITORS: Peer[] = [];

export interface Editing {
  /** The other people whose editor for this item is focused right now; `NO_EDITORS` if none. */
  editorsOf: (id: string) => Peer[];
  /** Announce (or, with null, withdraw) that this member is editing an item of the collection. */
  setEditing: (id: string | null) => void;
}

/** Who is editing which item of one collection, through the doc's awareness. */
export function useEditing(handle: DocHandle, collection: string): Editing {
  const peers = useAwarenessPeers(handle.provider);
  const { provider, name } = handle;
  const setEditing = useCallback(
    (id: string | null) => {
      const next = id === null ? null : { doc: name, collection, id };
      const current = (provider.awareness.getLocalState() as { editing?: { collection?: string } } | null)?.editing;
      // Clearing must not wipe an editor another collection of this doc has just announced.
      if (next === null && current && current.collection !== collection) return;
      provider.awareness.setLocalStateField('editing', next);
    },
    [provider, name, collection],
  );
  const editorsOf = useCallback(
    (id: string) => {
      const editors = peers.filter(
        (p) => p.editing?.doc === name && p.editing.collection === collection && p.editing.id === id,
      );
      return editors.length > 0 ? editors : NO_EDITORS;
    },
    [peers, name, collection],
  );
  return useMemo(() => ({ editorsOf, setEditing }), [editorsOf, setEditing]);
}
