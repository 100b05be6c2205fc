import { toBase64 } from 'lib0/buffer';
import { digest } from 'lib0/hash/sha256';
import { encodeUtf8 } from 'lib0/string';
import type { Acceptance, CoreConcern, Interest, InterestRef } from '../schemas/board.js';
import { CORE_CONCERNS } from '../schemas/board.js';
import type { Agreement, Commitment, Option } from '../schemas/joint.js';
import type { SideId } from '../scopes.js';
import { SIDE_IDS } from '../scopes.js';

/**
 * Pure computations over validated items: what the board shows beyond the raw data.
 */

export type AgreementStatus = 'proposed' | 'accepted by a' | 'accepted by b' | 'accepted' | 'done' | 'broken';

/**
 * A fingerprint of what an agreement binds both sides to: its text and, for each of its
 * commitments, what, whose, by when and how it will be verified (not how it turned out
 * later). An acceptance records it, and holds only while the terms are unchanged: a
 * change made after an acceptance, or at the same moment on another screen, does not
 * carry the acceptance over to terms nobody accepted.
 */
export function agreementTerms(agreement: Agreement, commitments: readonly Commitment[]): string {
  const own = commitments
    .filter((c) => c.agreementId === agreement.id)
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .map((c) => [c.what, c.owner, c.due, c.verification]);
  return toBase64(digest(encodeUtf8(JSON.stringify([agreement.text, own]))));
}

/** Whether an acceptance is of these terms (one recorded without terms holds, as before terms were recorded). */
export function acceptanceHolds(acceptance: Acceptance, terms: string): boolean {
  return acceptance.terms === undefined || acceptance.terms === terms;
}

/**
 * proposed → accepted by each side → done / broken. Acceptance comes from each side's
 * own doc, and counts only while it is of the agreement's current terms.
 */
export function agreementStatus(
  agreement: Agreement,
  acceptances: Record<SideId, Acceptance[]>,
  commitments: readonly Commitment[],
): AgreementStatus {
  if (agreement.outcome === 'done' || agreement.outcome === 'broken') return agreement.outcome;
  const terms = agreementTerms(agreement, commitments);
  const by = SIDE_IDS.filter((side) =>
    acceptances[side].some((a) => a.id === agreement.id && acceptanceHolds(a, terms)),
  );
  if (by.length === SIDE_IDS.length) return 'accepted';
  if (by.length === 1) return by[0] === 'a' ? 'accepted by a' : 'accepted by b';
  return 'proposed';
}

export interface OptionCoverage {
  optionId: string;
  /** Interests served per side, counting only references to interests that still exist. */
  served: Record<SideId, Interest[]>;
  /** Serves at least one interest of every side: value created, not only divided. */
  mutual: boolean;
  /** Sum of importance of served interests, per side. */
  weight: Record<SideId, number>;
}

export function optionCoverage(option: Option, interests: Record<SideId, Interest[]>): OptionCoverage {
  const served = { a: [], b: [] } as Record<SideId, Interest[]>;
  const seen = new Set<string>();
  for (const ref of option.serves) {
    const key = `${ref.side}/${ref.interestId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const interest = interests[ref.side].find((i) => i.id === ref.interestId);
    if (interest) served[ref.side].push(interest);
  }
  const weight = { a: sum(served.a), b: sum(served.b) };
  return { optionId: option.id, served, weight, mutual: SIDE_IDS.every((s) => served[s].length > 0) };
}

function sum(list: Interest[]): number {
  return list.reduce((total, i) => total + i.importance, 0);
}

/** Total importance per core concern, heaviest first: which concerns carry the most weight for a side. */
export function concernWeights(interests: Interest[]): Array<{ concern: CoreConcern; weight: number; count: number }> {
  return CORE_CONCERNS.map((concern) => {
    const matching = interests.filter((i) => i.concern === concern);
    return { concern, weight: sum(matching), count: matching.length };
  }).sort((x, y) => y.weight - x.weight || CORE_CONCERNS.indexOf(x.concern) - CORE_CONCERNS.indexOf(y.concern));
}

/** Remaining milliseconds of a timer at `now`, never negative. */
export function timerRemaining(timer: { remainingMs: number; startedAt: number | null }, now: number): number {
  if (timer.startedAt === null) return timer.remainingMs;
  return Math.max(0, timer.remainingMs - (now - timer.startedAt));
}

export function sameInterestRef(x: InterestRef, y: InterestRef): boolean {
  return x.side === y.side && x.interestId === y.interestId;
}
