import type { FacilitationState, PhaseChange } from '@parley/shared';
import { FACILITATION_DEFAULTS, RECORDS } from '@parley/shared';
import { useMemo } from 'react';
import { useCollection } from '../../hooks/useCollection';
import { useRecord } from '../../hooks/useRecord';
import type { DocHandle } from '../../hooks/useRoomDocs';

export interface Facilitation extends FacilitationState {
  /** Valid phase changes, oldest first. */
  history: PhaseChange[];
  writable: boolean;
}

/** The room's phase, timer and phase history, from the facilitation doc. */
export function useFacilitation(handle: DocHandle<'facilitation'>): Facilitation {
  const state = useRecord(handle.doc, 'state', RECORDS.facilitation.state, FACILITATION_DEFAULTS);
  const { items } = useCollection(handle, 'phaseHistory');
  const history = useMemo(() => items.flatMap((i) => (i.ok ? [i.value] : [])), [items]);
  return { ...state, history, writable: handle.writable };
}
