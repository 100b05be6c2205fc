import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { openSqliteStorage } from './sqlite.js';
import type { Storage } from './types.js';

/**
 * Test helpers for the storage: each test gets directories of its own, and everything
 * it opened is closed and removed once it has finished, passed or failed. Vitest runs
 * `onTestFinished` callbacks last-registered first, so what was opened in a directory
 * is closed before the directory goes.
 */

/** A directory of the current test's own, removed with everything in it once the test has finished. */
export function testDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-storage-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Opens `parley.sqlite` in `dir` (a fresh test directory by default) for the current test,
 * and closes it once the test has finished; closing it earlier is allowed.
 */
export function openTestStorage(
  dir = testDir(),
  options?: Parameters<typeof openSqliteStorage>[1],
): { storage: Storage; dir: string } {
  const storage = openSqliteStorage(path.join(dir, 'parley.sqlite'), options);
  onTestFinished(() => storage.close());
  return { storage, dir };
}
