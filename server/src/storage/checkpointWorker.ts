import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/**
 * Runs in a worker thread with its own connection: copies committed pages from the WAL
 * into the database file, so the main thread's commits never pay for a checkpoint (with
 * its fsyncs) and the relay that waits on them stays fast.
 */
const { file, intervalMs } = workerData as { file: string; intervalMs: number };
const db = new Database(file);
db.pragma('busy_timeout = 100');

const timer = setInterval(() => {
  try {
    // PASSIVE never waits for writers: whatever cannot be copied now is copied next time.
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // A busy or failing checkpoint loses nothing: the pages stay in the WAL.
  }
}, intervalMs);

parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
