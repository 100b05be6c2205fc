/** Something that is pinged, and dropped when it did not answer the previous ping. */
export interface Heartbeat {
  heartbeat(): void;
}

/** How many slices a period is cut into: each tick pings one slice of the connections. */
export const KEEPALIVE_SLICES = 30;

/**
 * Pings every connection once per period, a slice at a time. Pinging a thousand
 * connections at once (and reading their thousand pongs straight after) would hold up
 * every edit that arrives meanwhile by tens of milliseconds; a tick every period / 30
 * pings a thirtieth of them instead. A connection is placed in the slices in turn, so
 * a crowd that joins together is spread over the period too, and each one has a whole
 * period to answer before its next ping finds it silent.
 */
export class Keepalive<T extends Heartbeat> {
  private readonly slices: Array<Set<T>> = Array.from({ length: KEEPALIVE_SLICES }, () => new Set<T>());
  private readonly sliceOf = new Map<T, Set<T>>();
  private nextPlacement = 0;
  private nextTick = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly periodMs: number) {}

  add(member: T): void {
    const slice = this.slices[this.nextPlacement]!;
    this.nextPlacement = (this.nextPlacement + 1) % KEEPALIVE_SLICES;
    slice.add(member);
    this.sliceOf.set(member, slice);
  }

  delete(member: T): void {
    this.sliceOf.get(member)?.delete(member);
    this.sliceOf.delete(member);
  }

  /** Pings the next slice. The timer calls this; tests call it to step through a period. */
  tick(): void {
    const slice = this.slices[this.nextTick]!;
    this.nextTick = (this.nextTick + 1) % KEEPALIVE_SLICES;
    for (const member of slice) member.heartbeat();
  }

  start(): void {
    this.timer ??= setInterval(() => this.tick(), this.periodMs / KEEPALIVE_SLICES);
    // Keepalives never keep the process alive.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
