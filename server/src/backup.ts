import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { BackupRefused, backUpDatabases } from './storage/backup.js';

/**
 * `npm run backup -- <folder>`: copies the databases of the server whose `DATA_DIR` is
 * in the environment (as for `npm start`) into `<folder>`, while it runs.
 */
async function main(): Promise<void> {
  const folder = process.argv[2];
  if (!folder || process.argv.length > 3) return fail('usage: npm run backup -- <folder>');
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  try {
    // npm runs scripts from the project's root; a relative folder means the caller's.
    const target = path.resolve(process.env.INIT_CWD ?? process.cwd(), folder);
    const written = await backUpDatabases([config.DB_FILE, config.PULSE_DB_FILE], target);
    for (const file of written) process.stdout.write(`parley: backed up to ${file}\n`);
  } catch (error) {
    if (error instanceof BackupRefused) return fail(error.message);
    // SQLite's own refusals (a damaged file, a full disk) and the file system's, in one line.
    const { code, message } = error as NodeJS.ErrnoException;
    if (code) return fail(`the backup failed: ${message} (${code})`);
    throw error;
  }
}

function fail(message: string): void {
  process.stderr.write(`parley: ${message}\n`);
  process.exitCode = 2;
}

void main();
