import { ErrorCode } from '@parley/shared';
import { ParleyError } from '../errors.js';

/**
 * Whether storage takes writes, for `/readyz`. Every write reports how it went; after a
 * refusal (a full disk, a cap reached, a read-only file) the answer comes from a real
 * write, tried at most once per interval. Waiting for the next real write instead would
 * never end: a load balancer that sees 503 stops sending the traffic that would write.
 */
export class WriteHealth {
  private refusing = false;
  private lastProbe = Number.NEGATIVE_INFINITY;

  constructor(
    /** A write that fails exactly when storage refuses writes (Storage.probeWrite). */
    private readonly probe: () => void,
    private readonly probeIntervalMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  refused(): void {
    this.refusing = true;
  }

  wrote(): void {
    this.refusing = false;
  }

  takesWrites(): boolean {
    if (!this.refusing) return true;
    const now = this.now();
    if (now - this.lastProbe < this.probeIntervalMs) return false;
    this.lastProbe = now;
    try {
      this.probe();
      this.refusing = false;
    } catch {
      // Still refusing; asked again after the interval.
    }
    return !this.refusing;
  }
}

/**
 * The same store, with the outcome of each of its `writes` reported to `health`: a
 * refusal marks it as refusing, any write that goes through clears that.
 */
export function watchWrites<S extends object>(store: S, writes: ReadonlyArray<keyof S>, health: WriteHealth): S {
  const watched: S = { ...store };
  for (const method of writes) {
    const write = store[method] as (...args: unknown[]) => unknown;
    (watched[method] as (...args: unknown[]) => unknown) = (...args) => {
      try {
        const result = write(...args);
        health.wrote();
        return result;
      } catch (error) {
        if (error instanceof ParleyError && error.code === ErrorCode.StorageUnavailable) health.refused();
        throw error;
      }
    };
  }
  return watched;
}
