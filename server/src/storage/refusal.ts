import type Database from 'better-sqlite3';
import { ErrorCode } from '@parley/shared';
import { ParleyError } from '../errors.js';

/** SQLite errors that mean "this database will not take writes now". */
const UNAVAILABLE = ['SQLITE_READONLY', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_BUSY'];

/**
 * Runs a write against one of Parley's SQLite files. A refusal (a full disk or file cap,
 * a read-only file, a journal that cannot be created) becomes a storage_unavailable
 * ParleyError, which every caller turns into the documented answer; anything else is a
 * bug and is thrown as it is.
 */
export function guardWrite<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (UNAVAILABLE.some((c) => code.startsWith(c))) {
      throw new ParleyError(ErrorCode.StorageUnavailable, `storage refused the write (${code})`);
    }
    throw error;
  }
}

/**
 * Caps a database file at `maxBytes` (0: no cap). Past it SQLite answers SQLITE_FULL,
 * exactly as on a full disk, so a capped file refuses writes through the same path.
 */
export function capFileSize(db: Database.Database, maxBytes: number): void {
  if (!maxBytes) return;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.pragma(`max_page_count = ${Math.max(1, Math.floor(maxBytes / pageSize))}`);
}

/** The table `writeProbe` writes to; part of the schema of every file that is probed. */
export const WRITE_PROBE_SCHEMA =
  'CREATE TABLE IF NOT EXISTS write_probe (id INTEGER PRIMARY KEY, data BLOB NOT NULL);';

/**
 * A write that changes nothing and fails exactly when the file refuses writes, for
 * `/readyz` to ask after a refusal. A page's worth of zeros needs a page of its own
 * (refused past max_page_count, like any write on a full database), and its commit
 * writes the WAL or the rollback journal (refused on a full disk, or when the journal
 * cannot be created); deleting it in the same transaction leaves the page free again.
 */
export function writeProbe(db: Database.Database): () => void {
  const insert = db.prepare('INSERT INTO write_probe (id, data) VALUES (1, zeroblob(?))');
  const remove = db.prepare('DELETE FROM write_probe WHERE id = 1');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const probe = db.transaction(() => {
    insert.run(pageSize);
    remove.run();
  });
  return () => guardWrite(() => probe());
}
