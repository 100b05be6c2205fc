import type { Interest, Position } from '@parley/shared';
import { createContext } from 'react';

/**
 * The board's valid positions, for the interest forms that link to them. Given through
 * context so a changed position re-renders the open forms, not every interest card.
 */
export const SidePositions = createContext<Position[]>([]);

const explainedBefore = new WeakMap<Interest, Position[]>();

/**
 * The positions an interest explains (links to removed ones are not shown). While those
 * positions are unchanged this is the array returned last time, so the card can skip.
 */
export function positionsExplained(interest: Interest, positions: ReadonlyMap<string, Position>): Position[] {
  const explains = interest.positionIds.flatMap((id) => positions.get(id) ?? []);
  const before = explainedBefore.get(interest);
  if (before && before.length === explains.length && before.every((p, i) => p === explains[i])) return before;
  explainedBefore.set(interest, explains);
  return explains;
}
