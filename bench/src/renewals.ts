/**
 * Where the measuring window sits against the clients' presence renewals.
 *
 * A stock provider renews its presence every `outdatedTimeout / 2` (15 s), counted from
 * when it was created, and every peer that hears the renewal sends it back once (an
 * echo). Clients that connected together renew together: in the crowded room, 50
 * renewals and ~2,450 echoes within a tenth of a second, and the few edits sent during
 * that tenth wait tens of milliseconds, for every server. Such a burst is one real load
 * among others, but a window of 15 s opened 15 s after the edits began had one just
 * inside or just outside each of its edges (0.1 s from them), so whether a window held
 * none, one or two was a matter of milliseconds, and its p99 swung with it.
 *
 * So the window opens halfway between two bursts, once the warm-up is over: with the
 * window as long as the renewal period, it then holds exactly one renewal of every
 * client, in its middle, whichever server is measured.
 */
import { outdatedTimeout } from 'y-protocols/awareness';
import { sleep } from '@parley/devkit';
import type { BenchClient } from './clients.js';

/** How often a stock provider renews its presence. */
export const RENEWAL_PERIOD_MS = outdatedTimeout / 2;

/** Calls `renewed` each time the client renews its own presence; returns a function that stops watching. */
export function onOwnRenewal(client: BenchClient, renewed: () => void): () => void {
  const onUpdate = ({ updated }: { updated: number[] }, origin: unknown) => {
    if (origin === 'local' && updated.includes(client.doc.clientID)) renewed();
  };
  client.awareness.on('update', onUpdate);
  return () => client.awareness.off('update', onUpdate);
}

export class RenewalWatch {
  /** Each client's first renewal of its own presence (performance.now()). */
  private readonly firstRenewal = new Map<BenchClient, number>();
  private readonly stopWatching: Array<() => void> = [];

  constructor(private readonly clients: readonly BenchClient[]) {
    for (const client of clients) {
      const stop = onOwnRenewal(client, () => {
        if (!this.firstRenewal.has(client)) this.firstRenewal.set(client, performance.now());
      });
      this.stopWatching.push(stop);
    }
  }

  /**
   * Waits until the middle of the first quiet stretch between two renewal bursts that
   * starts at or after `notBefore` (performance.now()). Waits at most two periods for
   * every client's first renewal; without them it returns at `notBefore`.
   */
  async waitForQuietStart(notBefore: number): Promise<void> {
    const giveUpAt = performance.now() + 2 * RENEWAL_PERIOD_MS;
    while (this.firstRenewal.size < this.clients.length && performance.now() < giveUpAt) await sleep(50);
    for (const stop of this.stopWatching) stop();
    let start = notBefore;
    if (this.firstRenewal.size === this.clients.length) {
      const times = [...this.firstRenewal.values()];
      const earliest = Math.min(...times);
      const latest = Math.max(...times);
      // The quiet stretch runs from the last renewal of one burst to the first of the next.
      start = latest + (RENEWAL_PERIOD_MS - (latest - earliest)) / 2;
      while (start < notBefore) start += RENEWAL_PERIOD_MS;
    }
    await sleep(Math.max(0, start - performance.now()));
  }
}
