import { describe, expect, it } from 'vitest';
import type { Interest, Score } from '../schemas/board.js';
import type { Option } from '../schemas/joint.js';
import { coverageRows, scoreOf } from './coverage.js';

const interest = (id: string, importance: number): Interest => ({
  id,
  text: id,
  kind: 'need',
  concern: 'resources',
  importance,
  positionIds: [],
  createdAt: 0,
});
const option = (id: string, createdAt: number, serves: Option['serves']): Option => ({
  id,
  text: id,
  serves,
  createdAt,
});
const score = (id: string, value: number): Score => ({ id, value, updatedAt: 0 });

const interests = { a: [interest('a1', 5), interest('a2', 2)], b: [interest('b1', 4)] };

describe('coverage rows', () => {
  it('puts options that serve both sides first, then the heavier, then the older', () => {
    const options = [
      option('onlyA', 0, [{ side: 'a', interestId: 'a1' }]),
      option('light', 1, [
        { side: 'a', interestId: 'a2' },
        { side: 'b', interestId: 'b1' },
      ]),
      option('heavy', 2, [
        { side: 'a', interestId: 'a1' },
        { side: 'b', interestId: 'b1' },
      ]),
      option('none', 3, []),
      option('sameAsLight', 4, [
        { side: 'b', interestId: 'b1' },
        { side: 'a', interestId: 'a2' },
      ]),
    ];
    const rows = coverageRows(options, interests, { a: [], b: [] });
    expect(rows.map((r) => r.option.id)).toEqual(['heavy', 'light', 'sameAsLight', 'onlyA', 'none']);
    expect(rows.map((r) => r.coverage.mutual)).toEqual([true, true, true, false, false]);
  });

  it('does not count links to interests that were removed', () => {
    const rows = coverageRows(
      [
        option('o', 0, [
          { side: 'a', interestId: 'a1' },
          { side: 'b', interestId: 'gone' },
        ]),
      ],
      interests,
      { a: [], b: [] },
    );
    expect(rows[0]?.coverage.mutual).toBe(false);
    expect(rows[0]?.coverage.weight).toEqual({ a: 5, b: 0 });
  });

  it("carries each side's own score, or null where a side has not scored", () => {
    const rows = coverageRows([option('o', 0, [])], interests, { a: [score('o', 4), score('other', 1)], b: [] });
    expect(rows[0]?.scores).toEqual({ a: 4, b: null });
    expect(scoreOf([score('x', 2)], 'x')).toBe(2);
    expect(scoreOf([], 'x')).toBeNull();
  });
});
