import { describe, expect, it } from 'vitest';
import { TokenBucket } from './rateLimit.js';

describe('TokenBucket', () => {
  it('allows a burst, then the sustained rate, and reports when it has refilled completely', () => {
    const bucket = new TokenBucket(1, 2, 0);
    expect(bucket.isFull(0)).toBe(true);
    expect([bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, false]);
    expect(bucket.isFull(1_000)).toBe(false);
    expect(bucket.take(1_000)).toBe(true);
    expect(bucket.isFull(2_999)).toBe(false);
    expect(bucket.isFull(3_000)).toBe(true);
  });

  it('charges a request its cost, and refuses one the bucket cannot cover without taking anything', () => {
    const bucket = new TokenBucket(1, 10, 0);
    expect(bucket.take(0, 8)).toBe(true);
    expect(bucket.take(0, 3)).toBe(false);
    expect(bucket.take(0, 2)).toBe(true);
    expect(bucket.take(0)).toBe(false);
  });
});
