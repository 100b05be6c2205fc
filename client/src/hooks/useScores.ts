import type { Score, SideId } from '@parley/shared';
import { scoreOf } from '@parley/shared';
import type { WriteResult } from './useCollection';
import { useOwnSide, useSideCollections, validOnly } from './useSideCollections';

export interface Scores {
  /** Both sides' valid scores, keyed by option id in each side's own document. */
  bySide: Record<SideId, Score[]>;
  of: (side: SideId, optionId: string) => number | null;
  /** The side whose scores this member may set; null for mediators and observers. */
  own: SideId | null;
  set: (optionId: string, value: number) => WriteResult;
  clear: (optionId: string) => WriteResult;
}

const notASide = (): WriteResult => ({ ok: false, message: 'Only a side scores options, and only for itself.' });

/**
 * Option scores. A side writes its score into its own document (the document scope is
 * what stops it scoring for the other side); the item id is the option id.
 */
export function useScores(): Scores {
  const collections = useSideCollections('scores');
  const own = useOwnSide();
  const bySide = { a: validOnly(collections.a.items), b: validOnly(collections.b.items) };
  const mine = own ? collections[own] : null;
  return {
    bySide,
    of: (side, optionId) => scoreOf(bySide[side], optionId),
    own,
    set: (optionId, value) => {
      if (!mine) return notASide();
      // A valid score is patched; an invalid leftover under the same id is replaced whole.
      if (mine.items.some((i) => i.id === optionId && i.ok)) {
        return mine.update(optionId, { value, updatedAt: Date.now() });
      }
      return mine.add({ id: optionId, value, updatedAt: Date.now() });
    },
    clear: (optionId) => (mine ? mine.remove(optionId) : notASide()),
  };
}
