import { describe, expect, it } from 'vitest';
import type { Interest } from '../schemas/board.js';
import type { Agreement, Option } from '../schemas/joint.js';
import { agreementStatus, concernWeights, optionCoverage, timerRemaining } from './derive.js';

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
    expect(agreementStatus(agreement, { a: [], b: [] })).toBe('proposed');
    expect(agreementStatus(agreement, { a: [accepted], b: [] })).toBe('accepted by a');
    expect(agreementStatus(agreement, { a: [], b: [accepted] })).toBe('accepted by b');
    expect(agreementStatus(agreement, { a: [accepted], b: [accepted] })).toBe('accepted');
  });

  it('reports done or broken once recorded, whatever the acceptances', () => {
    expect(agreementStatus({ ...agreement, outcome: 'done' }, { a: [accepted], b: [accepted] })).toBe('done');
    expect(agreementStatus({ ...agreement, outcome: 'broken' }, { a: [], b: [] })).toBe('broken');
  });

  it('ignores acceptances of other agreements', () => {
    expect(agreementStatus(agreement, { a: [{ id: 'other', acceptedAt: 1 }], b: [] })).toBe('proposed');
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
