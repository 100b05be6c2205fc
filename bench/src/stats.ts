import type { Percentiles } from './types.js';

/** Nearest-rank percentiles; null for an empty sample. */
export function percentiles(samples: ArrayLike<number>): Percentiles | null {
  const n = samples.length;
  if (n === 0) return null;
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))]!;
  return { n, p50: at(50), p95: at(95), p99: at(99), max: sorted[n - 1]! };
}

/** A growable sample of numbers without boxing each one. */
export class Samples {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
