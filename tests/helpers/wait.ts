/**
 * Waiting without sleeping: every wait here polls a condition and fails with a message
 * that says what never happened, so a slow server shows up as a clear failure instead
 * of a race hidden behind a fixed delay.
 */

/** Thrown from a `waitFor` predicate to stop waiting at once: the awaited thing can no longer happen. */
export class WaitAborted extends Error {}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/** Polls `predicate` until it returns true; rejects after `timeoutMs` naming `what`. */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  what: string,
  { timeoutMs = 10_000, intervalMs = 20 }: WaitOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await predicate()) return;
      lastError = undefined;
    } catch (error) {
      if (error instanceof WaitAborted) throw error;
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Rejects with a message naming `what` when `promise` does not settle in time. */
export { withTimeout } from '@parley/devkit';

/** Seeded random inputs, the same on every run; shared with the server's unit tests. */
export { randomBytes, seededRandom } from '@parley/devkit';
