import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Another live process serves the same data directory. */
export class DataDirInUse extends Error {}

export interface DataDirLock {
  release(): void;
}

/**
 * One server per data directory. Two would each relay only their own clients' edits (a
 * room split in two) and number a document's updates from their own cache, so the
 * second would have its commits refused. The lock is SQLite's own: an exclusive lock
 * on `parley.lock`, held from the first write until the connection closes. The kernel
 * drops it when the process ends however it ends, so `kill -9` leaves nothing stale.
 */
export function lockDataDir(dir: string): DataDirLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'parley.lock');
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // Its one row needs no rollback journal on disk: in exclusive mode SQLite keeps that
    // file for as long as the lock is held, so a killed server would leave
    // parley.lock-journal beside the lock for an operator to wonder about.
    db.pragma('journal_mode = MEMORY');
    db.exec('CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER, since TEXT)');
    db.prepare('INSERT OR REPLACE INTO holder (id, pid, since) VALUES (1, ?, ?)').run(
      process.pid,
      new Date().toISOString(),
    );
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new DataDirInUse(
        `another Parley server is using the data directory ${path.resolve(dir)} (it holds ${file}); stop it first, or give this one its own DATA_DIR`,
      );
    }
    throw error;
  }
  return { release: () => db.close() };
}
