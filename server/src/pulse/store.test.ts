import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ErrorCode } from '@parley/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ParleyError } from '../errors.js';
import { openPulseStore, type PulseStore } from './store.js';

let dir: string;
const opened: PulseStore[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'parley-pulse-store-'));
});
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(maxBytes?: number): PulseStore {
  const store = openPulseStore(path.join(dir, 'pulses.sqlite'), maxBytes === undefined ? {} : { maxBytes });
  opened.push(store);
  return store;
}

/** A room id long enough that a few hundred fill a page. */
const roomKey = (i: number) => `room-${i}-${'x'.repeat(40)}`;

function refusal(run: () => unknown): ParleyError | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof ParleyError) return error;
    throw error;
  }
}

describe('the pulse file under MAX_DB_BYTES', () => {
  it('refuses writes past the cap as storage_unavailable, keeps everything it accepted, and never outgrows it', () => {
    open();
    const file = path.join(dir, 'pulses.sqlite');
    opened.pop()!.close();
    // Room for a few more pages than the empty schema takes.
    const cap = statSync(file).size + 4 * 4096;
    const store = open(cap);

    let accepted = 0;
    let refused: ParleyError | null = null;
    for (let i = 0; i < 10_000 && !refused; i++) {
      refused = refusal(() => store.setMinAnswers(roomKey(i), 4));
      if (!refused) accepted += 1;
    }
    expect(refused?.code).toBe(ErrorCode.StorageUnavailable);
    expect(accepted).toBeGreaterThan(0);
    expect(() => store.probeWrite()).toThrow(ParleyError);
    // The refused room was not stored; every accepted one still is.
    expect(store.minAnswers(roomKey(accepted))).not.toBe(4);
    for (const i of [0, accepted - 1]) expect(store.minAnswers(roomKey(i))).toBe(4);
    expect(statSync(file).size).toBeLessThanOrEqual(cap);
  });

  it('has no cap by default', () => {
    const store = open();
    for (let i = 0; i < 2_000; i++) store.setMinAnswers(roomKey(i), 4);
    expect(() => store.probeWrite()).not.toThrow();
  });
});
