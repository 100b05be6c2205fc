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
export function testDir(prefix = 'parley-storage-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Closes `resource` once the current test has finished; closing it earlier is allowed. */
export function closeAfterTest<T extends { close(): void }>(resource: T): T {
  onTestFinished(() => resource.close());
  return resource;
}

/** Opens `parley.sqlite` in `dir` (a fresh test directory by default) for the current test. */
export function openTestStorage(
  dir = testDir(),
  options?: Parameters<typeof openSqliteStorage>[1],
): { storage: Storage; dir: string; file: string } {
  const file = path.join(dir, 'parley.sqlite');
  return { storage: closeAfterTest(openSqliteStorage(file, options)), dir, file };
}
