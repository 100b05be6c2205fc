import { afterEach, describe, expect, it, vi } from 'vitest';
import { estimateOffset, observeServerTime, resetServerClock, serverNow } from './serverClock';

afterEach(() => {
  resetServerClock();
  vi.useRealTimers();
});

describe("the server's clock as a page estimates it", () => {
  it('takes the server time to be the middle of the round trip', () => {
    // Sent at 1,000 and answered at 1,200 by this clock; the server said 61,100.
    expect(estimateOffset(1_000, 1_200, 61_100)).toBe(60_000);
  });

  it('is the page clock until a greeting, then the server clock', () => {
    vi.useFakeTimers({ now: 5_000_000 });
    expect(serverNow()).toBe(5_000_000);
    // This laptop runs 90 s ahead of the server.
    observeServerTime(5_000_000, 5_000_040, 4_910_020);
    expect(serverNow()).toBe(4_910_000);
  });

  it('keeps the estimate from the shortest round trip, unless the page clock has been changed', () => {
    vi.useFakeTimers({ now: 0 });
    observeServerTime(0, 20, 10_010); // offset 10 s, ±10 ms
    observeServerTime(100, 900, 10_600); // a slow trip: offset 10.1 s, ±400 ms: less certain
    expect(serverNow()).toBe(10_000);
    // The page's clock was set back a minute: no earlier estimate explains that.
    observeServerTime(1_000, 1_300, 71_150);
    expect(serverNow()).toBe(70_000);
  });
});
