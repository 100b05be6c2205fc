import { describe, expect, it } from 'vitest';
import type { Interest } from '../schemas/board.js';
import type { Agreement, Commitment, Option } from '../schemas/joint.js';
import { agreementStatus, agreementTerms, concernWeights, optionCoverage, timerRemaining } from './derive.js';

const interest = (id: string, concern: Interest['concern'], importance: number): Interest => ({
  id,
  text: id,
  kind: 'need',
  concern,
  importance,
  positionIds: [],
  createdAt: 0,
});
const agreement: Agreement = { id: 'ag1', text: 'Rent freeze for a year', outcome: 'pending', createdAt: 0 };
const accepted = { id: 'ag1', acceptedAt: 1 };

describe('agreement status', () => {
  it('goes proposed → accepted by each side → accepted', () => {
    expect(agreementStatus(agreement, { a: [], b: [] }, [])).toBe('proposed');
    expect(agreementStatus(agreement, { a: [accepted], b: [] }, [])).toBe('accepted by a');
    expect(agreementStatus(agreement, { a: [], b: [accepted] }, [])).toBe('accepted by b');
    expect(agreementStatus(agreement, { a: [accepted], b: [accepted] }, [])).toBe('accepted');
  });

  it('reports done or broken once recorded, whatever the acceptances', () => {
    expect(agreementStatus({ ...agreement, outcome: 'done' }, { a: [accepted], b: [accepted] }, [])).toBe('done');
    expect(agreementStatus({ ...agreement, outcome: 'broken' }, { a: [], b: [] }, [])).toBe('broken');
  });

  it('ignores acceptances of other agreements', () => {
    expect(agreementStatus(agreement, { a: [{ id: 'other', acceptedAt: 1 }], b: [] }, [])).toBe('proposed');
  });
});

describe('accepted terms', () => {
  const commitment: Commitment = {
    id: 'c1',
    agreementId: 'ag1',
    what: 'Repaint the stairwell',
    owner: 'b',
    due: '2030-05-01',
    verification: 'Photos in the shared folder',
    status: 'pending',
    createdAt: 0,
  };
  const terms = agreementTerms(agreement, [commitment]);
  const ofTerms = (t: string) => ({ id: 'ag1', acceptedAt: 1, terms: t });

  it('holds an acceptance while the text and the commitments are as accepted', () => {
    expect(agreementStatus(agreement, { a: [ofTerms(terms)], b: [ofTerms(terms)] }, [commitment])).toBe('accepted');
    // How a commitment turned out later is not part of what was accepted.
    const done = { ...commitment, status: 'done' as const };
    expect(agreementStatus(agreement, { a: [ofTerms(terms)], b: [] }, [done])).toBe('accepted by a');
    // Nor are other agreements' commitments.
    const elsewhere = { ...commitment, id: 'c9', agreementId: 'ag2' };
    expect(agreementTerms(agreement, [commitment, elsewhere])).toBe(terms);
  });

  it('stops counting an acceptance once the terms change under it', () => {
    const both = { a: [ofTerms(terms)], b: [ofTerms(terms)] };
    expect(agreementStatus({ ...agreement, text: 'Rent freeze for six months' }, both, [commitment])).toBe('proposed');
    for (const change of [
      { what: 'Repaint the hallway' },
      { owner: 'a' as const },
      { due: '2031-05-01' },
      { verification: '' },
    ]) {
      expect(agreementStatus(agreement, both, [{ ...commitment, ...change }]), JSON.stringify(change)).toBe('proposed');
    }
    expect(agreementStatus(agreement, both, [])).toBe('proposed');
    expect(agreementStatus(agreement, both, [commitment, { ...commitment, id: 'c2' }])).toBe('proposed');
    // Accepting the new terms again counts.
    const changed = [{ ...commitment, due: '2031-05-01' }];
    const again = agreementTerms(agreement, changed);
    expect(agreementStatus(agreement, { a: [ofTerms(again)], b: [ofTerms(terms)] }, changed)).toBe('accepted by a');
  });

  it('keeps an acceptance recorded before terms were, whatever changed', () => {
    const recordedBefore = { id: 'ag1', acceptedAt: 1 };
    expect(agreementStatus({ ...agreement, text: 'Changed' }, { a: [recordedBefore], b: [] }, [])).toBe(
      'accepted by a',
    );
  });

  it('is the same whatever order the commitments come in', () => {
    const second = { ...commitment, id: 'c0', what: 'Fix the lock' };
    expect(agreementTerms(agreement, [commitment, second])).toBe(agreementTerms(agreement, [second, commitment]));
  });
});

describe('option coverage', () => {
  const interests = {
    a: [interest('a1', 'security', 4)],
    b: [interest('b1', 'time', 2), interest('b2', 'control', 5)],
  };

  it('marks an option that serves interests of both sides as mutual, with weights', () => {
    const option: Option = {
      id: 'o1',
      text: 'two-year lease',
      serves: [
        { side: 'a', interestId: 'a1' },
        { side: 'b', interestId: 'b2' },
        { side: 'b', interestId: 'b2' },
      ],
      createdAt: 0,
    };
    const coverage = optionCoverage(option, interests);
    expect(coverage.mutual).toBe(true);
    expect(coverage.weight).toEqual({ a: 4, b: 5 });
  });

  it('does not count links to interests that no longer exist', () => {
    const option: Option = {
      id: 'o2',
      text: 'x',
      serves: [
        { side: 'a', interestId: 'gone' },
        { side: 'b', interestId: 'b1' },
      ],
      createdAt: 0,
    };
    expect(optionCoverage(option, interests)).toMatchObject({ mutual: false, weight: { a: 0, b: 2 } });
  });
});

describe('core concern weights', () => {
  it('sums importance per concern, heaviest first', () => {
    const weights = concernWeights([interest('1', 'time', 2), interest('2', 'security', 3), interest('3', 'time', 2)]);
    expect(weights[0]).toEqual({ concern: 'time', weight: 4, count: 2 });
    expect(weights[1]).toEqual({ concern: 'security', weight: 3, count: 1 });
    expect(weights).toHaveLength(5);
  });
});

describe('timer', () => {
  it('counts down only while running and never goes below zero', () => {
    expect(timerRemaining({ remainingMs: 60_000, startedAt: null }, 1_000_000)).toBe(60_000);
    expect(timerRemaining({ remainingMs: 60_000, startedAt: 1_000_000 }, 1_030_000)).toBe(30_000);
    expect(timerRemaining({ remainingMs: 60_000, startedAt: 1_000_000 }, 2_000_000)).toBe(0);
  });
});
