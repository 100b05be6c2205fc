import { describe, expect, it } from 'vitest';
import { openTestStorage } from './testStorage.testkit.js';
import { STORAGE_WRITES } from './types.js';
import { WriteHealth, watchWrites } from './writeHealth.js';

function fullDatabase() {
  const database = openTestStorage(undefined, { maxBytes: 200_000 }).storage;
  let clock = 0;
  const health = new WriteHealth(
    () => database.probeWrite(),
    5_000,
    () => clock,
  );
  const storage = watchWrites(database, STORAGE_WRITES, health);
  expect(health.takesWrites()).toBe(true);
  let appended = 0;
  for (; appended < 1000; appended++) {
    try {
      storage.appendUpdates([{ doc: 'r/joint', update: new Uint8Array(2048) }]);
    } catch (error) {
      expect(error).toMatchObject({ code: 'storage_unavailable' });
      break;
    }
  }
  expect(appended, 'the capped database filled up').toBeLessThan(1000);
  return { database, storage, health, appended, advance: (ms: number) => (clock += ms) };
}

describe('write health', () => {
  it('says storage refuses writes after a refusal, and takes them again once a probe write succeeds', () => {
    const { database, health, appended, advance } = fullDatabase();
    expect(health.takesWrites()).toBe(false);

    // Space comes back: compaction folds the updates into a one-byte snapshot.
    database.compact('r/joint', new Uint8Array([1]), appended);
    advance(1_000);
    expect(health.takesWrites(), 'no second probe within the interval').toBe(false);
    advance(5_000);
    expect(health.takesWrites()).toBe(true);
    // The probe left nothing behind: the document is the snapshot and nothing after it.
    expect(database.loadDoc('r/joint')).toMatchObject({ updates: [], lastUpdateId: appended });
  });

  it('is cleared by any write that storage takes', () => {
    const { database, storage, health, appended } = fullDatabase();
    expect(health.takesWrites()).toBe(false); // probed now: the next probe is 5 s away
    database.compact('r/joint', new Uint8Array([1]), appended);
    storage.appendUpdates([{ doc: 'r/joint', update: new Uint8Array([7]) }]);
    expect(health.takesWrites()).toBe(true);
  });

  it('never takes a read-only database for one that writes', () => {
    const { dir } = openTestStorage();
    const readOnly = openTestStorage(dir, { readonly: true }).storage;
    expect(() => readOnly.probeWrite()).toThrow(expect.objectContaining({ code: 'storage_unavailable' }));
  });
});
