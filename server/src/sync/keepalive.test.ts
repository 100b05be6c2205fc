import { describe, expect, it } from 'vitest';
import { KEEPALIVE_SLICES, Keepalive } from './keepalive.js';

class Member {
  pings = 0;
  heartbeat(): void {
    this.pings += 1;
  }
}

function members(n: number): Member[] {
  return Array.from({ length: n }, () => new Member());
}

describe('pinging connections a slice at a time', () => {
  it('pings each connection once per period and never more than its share at once', () => {
    const keepalive = new Keepalive<Member>(30_000);
    const crowd = members(95);
    for (const m of crowd) keepalive.add(m);
    let most = 0;
    for (let tick = 0; tick < KEEPALIVE_SLICES; tick++) {
      const before = crowd.reduce((n, m) => n + m.pings, 0);
      keepalive.tick();
      most = Math.max(most, crowd.reduce((n, m) => n + m.pings, 0) - before);
    }
    expect(crowd.map((m) => m.pings)).toEqual(crowd.map(() => 1));
    expect(most).toBe(Math.ceil(95 / KEEPALIVE_SLICES));
  });

  it('stops pinging a connection once it is gone, and pings one that joined within a period', () => {
    const keepalive = new Keepalive<Member>(30_000);
    const [gone, stays] = members(2) as [Member, Member];
    keepalive.add(gone);
    keepalive.add(stays);
    keepalive.delete(gone);
    for (let tick = 0; tick < KEEPALIVE_SLICES / 2; tick++) keepalive.tick();
    const late = new Member();
    keepalive.add(late);
    for (let tick = 0; tick < KEEPALIVE_SLICES; tick++) keepalive.tick();
    expect(gone.pings).toBe(0);
    expect(late.pings).toBe(1);
    expect(stays.pings).toBeGreaterThanOrEqual(1);
  });
});

describe('the keepalive timer', () => {
  it('runs only while started and someone is connected, so an idle server is never woken by it', () => {
    const keepalive = new Keepalive<Member>(30_000);
    const [first, second] = members(2) as [Member, Member];
    keepalive.add(first);
    expect(keepalive.ticking).toBe(false);
    keepalive.start();
    expect(keepalive.ticking).toBe(true);
    keepalive.delete(first);
    expect(keepalive.ticking).toBe(false);
    keepalive.add(second);
    expect(keepalive.ticking).toBe(true);
    keepalive.stop();
    expect(keepalive.ticking).toBe(false);
    keepalive.add(first);
    expect(keepalive.ticking).toBe(false);
  });
});
