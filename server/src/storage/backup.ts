import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** A backup that would overwrite something, or has nothing to copy. */
export class BackupRefused extends Error {}

/**
 * Copies each database file into `folder` with SQLite's online backup: a consistent
 * copy of every committed change, taken page by page while the server goes on serving
 * (a reader does not hold up its commits). Copying the files by hand while the server
 * runs could catch a database and its WAL at different moments. The copies are plain
 * SQLite files, ready to be a data directory: put them in an empty `DATA_DIR` to restore.
 */
export async function backUpDatabases(files: readonly string[], folder: string): Promise<string[]> {
  const copies = files.map((from) => ({ from, to: path.join(folder, path.basename(from)) }));
  for (const { from, to } of copies) {
    if (!fs.existsSync(from)) throw new BackupRefused(`${from} does not exist; is DATA_DIR the server's?`);
    if (fs.existsSync(to)) throw new BackupRefused(`${to} already exists; back up into a new or empty folder`);
  }
  fs.mkdirSync(folder, { recursive: true });
  for (const { from, to } of copies) {
    const db = new Database(from, { readonly: true, fileMustExist: true });
    try {
      await db.backup(to);
    } catch (error) {
      // No half-written copy left to be mistaken for a backup.
      fs.rmSync(to, { force: true });
      throw error;
    } finally {
      db.close();
    }
  }
  return copies.map(({ to }) => to);
}
