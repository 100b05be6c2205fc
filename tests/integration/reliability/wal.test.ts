import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../helpers/index.js';
// The built storage, so that its checkpoint worker thread (a compiled file of its own) runs.
import { startCheckpointer } from '../../../server/dist/storage/checkpointer.js';
import { openSqliteStorage } from '../../../server/dist/storage/sqlite.js';

const opened: Array<{ close(): void }> = [];
const dirs: string[] = [];
afterEach(() => {
  for (const storage of opened.splice(0)) storage.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDatabase(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-wal-'));
  dirs.push(dir);
  return path.join(dir, 'parley.sqlite');
}

describe('the checkpoints of the write-ahead log', () => {
  it('run after commits, and never while nothing is written', async () => {
    const walLengths: number[] = [];
    const storage = openSqliteStorage(tempDatabase(), {
      checkpoints: { intervalMs: 20, onCheckpoint: (frames) => walLengths.push(frames) },
    });
    opened.push(storage);
    // What opening the file wrote (its schema) is checkpointed like any commit.
    await waitFor(() => walLengths.length === 1, 'the first checkpoint');
    // Idle for fifteen intervals: a checkpointer on a timer would have run fifteen times.
    await sleep(300);
    expect(walLengths).toHaveLength(1);

    storage.appendUpdates([{ doc: 'r1/joint', update: new Uint8Array([1]) }]);
    storage.appendUpdates([{ doc: 'r1/joint', update: new Uint8Array([2]) }]);
    await waitFor(() => walLengths.length === 2, 'a checkpoint after the commits');
    // Commits within one interval share a checkpoint, which finds them in the WAL.
    await sleep(100);
    expect(walLengths).toHaveLength(2);
    expect(walLengths[1]).toBeGreaterThan(0);
  });
});

describe('a checkpoint worker that fails', () => {
  it('is reported, so the operator learns that the WAL is no longer checkpointed', async () => {
    const failures: Error[] = [];
    const unopenable = path.join(path.dirname(tempDatabase()), 'missing', 'parley.sqlite');
    const checkpointer = startCheckpointer(
      unopenable,
      { intervalMs: 20, restartAfterFrames: 100 },
      { onFailure: (error) => failures.push(error) },
    );
    await waitFor(() => failures.length > 0, 'the failure to be reported');
    expect(failures[0]!.message).toMatch(/directory does not exist/);
    checkpointer.stop();
  });
});

describe('the write-ahead log under edits that never stop', () => {
  it('stays bounded while commits keep coming, and every commit is kept', async () => {
    const file = tempDatabase();
    // A checkpoint every 20 ms and a restart once the WAL holds 100 pages.
    const storage = openSqliteStorage(file, { checkpoints: { intervalMs: 20, restartAfterFrames: 100 } });
    opened.push(storage);
    let largest = 0;
    let commits = 0;
    const started = performance.now();
    while (performance.now() - started < 1500) {
      storage.appendUpdates([{ doc: `r${commits % 50}/joint`, update: new Uint8Array([commits % 256]) }]);
      commits += 1;
      // A commit every 0.3 ms: gaps shorter than a checkpoint's own syncs, so a background
      // checkpoint alone never catches up with the writer.
      const committed = performance.now();
      while (performance.now() - committed < 0.3) await new Promise(setImmediate);
      if (commits % 100 === 0) largest = Math.max(largest, fs.statSync(`${file}-wal`).size);
    }
    expect(commits).toBeGreaterThan(1000);
    expect(largest).toBeGreaterThan(100 * 4096);
    // Without restarts the WAL keeps every commit's page (4 KB or more each): all of them.
    // Restarted, it holds what came since the last restart, even on a busy machine.
    expect(largest).toBeLessThan((commits * 4096) / 4);

    let stored = 0;
    for (let d = 0; d < 50; d++) stored += storage.loadDoc(`r${d}/joint`).updates.length;
    expect(stored).toBe(commits);
  });
});

describe('closing the storage', () => {
  it('ends the checkpoint worker before close() resolves, even for a storage closed the moment it opened', async () => {
    // The worker opens the database file on a connection of its own as it starts. Closed
    // before it had started (a start-up warm-up that ended early), it must not be left to
    // create files in a directory its owner is removing, nor to fail on a removed one.
    const failures: string[] = [];
    const removed: string[] = [];
    for (let i = 0; i < 20; i++) {
      const file = tempDatabase();
      const storage = openSqliteStorage(file, { checkpoints: { onFailure: (error) => failures.push(error.message) } });
      await storage.close();
      fs.rmSync(path.dirname(file), { recursive: true });
      removed.push(path.dirname(file));
    }
    await sleep(300);
    expect(failures).toEqual([]);
    expect(removed.filter((dir) => fs.existsSync(dir))).toEqual([]);
  });
});
