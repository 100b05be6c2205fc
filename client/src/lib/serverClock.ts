/**
 * The server's clock, as this page estimates it. Shared countdowns (the mediator's timer,
 * a pulse check's window) are started by one person's clock and shown on everyone's, and
 * laptop clocks drift apart by seconds, sometimes minutes; timed by the server's clock,
 * everyone's countdown reaches zero together.
 *
 * The estimate comes from each `room:hello`: the server's time at its answer, taken to
 * be the middle of the round trip, so it is off by at most half of that trip.
 */
let offsetMs = 0;
let bestRoundTripMs = Number.POSITIVE_INFINITY;

/** The server's time offset from this page's clock, estimated from one round trip. */
export function estimateOffset(sentAt: number, receivedAt: number, serverTime: number): number {
  return serverTime - (sentAt + receivedAt) / 2;
}

/**
 * Takes a new estimate, keeping the one from the shortest round trip seen (the least
 * uncertain), unless the clocks have moved apart by more than that trip since: then the
 * page's clock was changed, and the new estimate is the better one.
 */
export function observeServerTime(sentAt: number, receivedAt: number, serverTime: number): void {
  const roundTrip = Math.max(0, receivedAt - sentAt);
  const offset = estimateOffset(sentAt, receivedAt, serverTime);
  if (roundTrip <= bestRoundTripMs || Math.abs(offset - offsetMs) > roundTrip) {
    offsetMs = offset;
    bestRoundTripMs = roundTrip;
  }
}

/** Now, by the server's clock as estimated (this page's clock until the first greeting). */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** Forgets every estimate; for tests. */
export function resetServerClock(): void {
  offsetMs = 0;
  bestRoundTripMs = Number.POSITIVE_INFINITY;
}
