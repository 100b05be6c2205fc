import type { Interest, Score } from '../schemas/board.js';
import type { Option } from '../schemas/joint.js';
import type { SideId } from '../scopes.js';
import type { OptionCoverage } from './derive.js';
import { optionCoverage } from './derive.js';

/**
 * The joint space's coverage view: every option with the interests it serves on each
 * side and each side's score, ordered so that options creating value for both sides
 * come first.
 */

export interface CoverageRow {
  option: Option;
  coverage: OptionCoverage;
  /** Each side's score of the option, or null while that side has not scored it. */
  scores: Record<SideId, number | null>;
}

/** A side's score of one option; scores are keyed by option id in the side's own document. */
export function scoreOf(scores: Score[], optionId: string): number | null {
  return scores.find((s) => s.id === optionId)?.value ?? null;
}

/** Mutual options first, then by the combined importance of what they serve, then oldest first. */
export function coverageRows(
  options: Option[],
  interests: Record<SideId, Interest[]>,
  scores: Record<SideId, Score[]>,
): CoverageRow[] {
  return options
    .map((option) => ({
      option,
      coverage: optionCoverage(option, interests),
      scores: { a: scoreOf(scores.a, option.id), b: scoreOf(scores.b, option.id) },
    }))
    .sort(
      (x, y) =>
        Number(y.coverage.mutual) - Number(x.coverage.mutual) ||
        total(y.coverage) - total(x.coverage) ||
        x.option.createdAt - y.option.createdAt ||
        (x.option.id < y.option.id ? -1 : x.option.id > y.option.id ? 1 : 0),
    );
}

function total(coverage: OptionCoverage): number {
  return coverage.weight.a + coverage.weight.b;
}
