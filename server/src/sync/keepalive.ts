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
 * period to answer before its next ping finds it silent. The timer runs only while there
 * is someone to ping: a server nobody is connected to is never woken by it.
 */
export class Keepalive<T extends Heartbeat> {
  private readonly slices: Array<Set<T>> = Array.from({ length: KEEPALIVE_SLICES }, () => new Set<T>());
  private readonly sliceOf = new Map<T, Set<T>>();
  private nextPlacement = 0;
  private nextTick = 0;
  private timer: NodeJS.Timeout | null = null;
  private started = false;

  constructor(private readonly periodMs: number) {}

  add(member: T): void {
    const slice = this.slices[this.nextPlacement]!;
    this.nextPlacement = (this.nextPlacement + 1) % KEEPALIVE_SLICES;
    slice.add(member);
    this.sliceOf.set(member, slice);
    if (this.started) this.arm();
  }

  delete(member: T): void {
    this.sliceOf.get(member)?.delete(member);
    this.sliceOf.delete(member);
    if (this.sliceOf.size === 0) this.disarm();
  }

  /** Whether the timer is running: only between start() and stop(), and while there are members. */
  get ticking(): boolean {
    return this.timer !== null;
  }

  /** Pings the next slice. The timer calls this; tests call it to step through a period. */
  tick(): void {
    const slice = this.slices[this.nextTick]!;
    this.nextTick = (this.nextTick + 1) % KEEPALIVE_SLICES;
    for (const member of slice) member.heartbeat();
  }

  start(): void {
    this.started = true;
    if (this.sliceOf.size > 0) this.arm();
  }

  stop(): void {
    this.started = false;
    this.disarm();
  }

  private arm(): void {
    // Keepalives never keep the process alive.
    this.timer ??= setInterval(() => this.tick(), this.periodMs / KEEPALIVE_SLICES).unref();
  }

  private disarm(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
