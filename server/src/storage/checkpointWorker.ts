import { setTimeout as delay } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { CheckpointSignal, type CheckpointSettings } from './checkpointer.js';

/**
 * Runs in a worker thread with its own connection: copies committed pages from the WAL
 * into the database file, so the main thread's commits never pay for a checkpoint (with
 * its fsyncs) and the relay that waits on them stays fast.
 *
 * The worker sleeps until the writer signals a commit (checkpointer.ts), then waits out
 * its interval, so a second of commits is checkpointed at once, and checkpoints. A server
 * nobody writes to never wakes it: a timer firing every second would wake the process
 * for nothing, as it sleeps between edits.
 *
 * A PASSIVE checkpoint never waits for the writer, so under continuous writes it never
 * catches up with it: by the time it has copied and synced, newer frames are in the WAL.
 * SQLite only starts the WAL again from its first frame once a checkpoint has copied
 * every frame, so the file would grow for as long as edits keep coming (about 8 MB/s at
 * 2,000 commits/s). Past `restartAfterFrames` the worker therefore asks for a RESTART
 * checkpoint, which holds new commits back for the moment it takes to copy the few
 * frames the PASSIVE one left and sync, and makes the next commit write from the top.
 */
const { file, intervalMs, restartAfterFrames, signal, report } = workerData as CheckpointSettings & {
  file: string;
  signal: Int32Array;
  report: boolean;
};
const db = new Database(file);
// How long a checkpoint waits for a commit in progress. A RESTART holds new commits back
// while it waits, so it gives up soon and tries again next interval rather than stall them.
db.pragma('busy_timeout = 20');

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

function checkpoint(): void {
  try {
    const [passive] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
    if (passive && passive.log >= restartAfterFrames) db.pragma('wal_checkpoint(RESTART)');
    if (report) parentPort?.postMessage(passive?.log ?? 0);
  } catch {
    // A busy or failing checkpoint loses nothing: the pages stay in the WAL.
  }
}

/**
 * Aborted on 'stop': ends the loop and cuts the interval's wait short, since the
 * storage's close waits for this thread to end.
 */
const stop = new AbortController();

async function checkpointWhatIsWritten(): Promise<void> {
  while (!stop.signal.aborted) {
    const wait = Atomics.waitAsync(signal, 0, CheckpointSignal.Idle);
    if (wait.async) await wait.value;
    if (stop.signal.aborted) break;
    await delay(intervalMs, undefined, { signal: stop.signal }).catch(() => undefined);
    if (stop.signal.aborted) break;
    // Commits from here on set the signal again and get a checkpoint of their own.
    Atomics.store(signal, 0, CheckpointSignal.Idle);
    checkpoint();
  }
  db.close();
  parentPort?.close();
}

// The listener also keeps this thread alive: a pending Atomics.waitAsync does not.
parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  stop.abort();
  Atomics.notify(signal, 0);
});

void checkpointWhatIsWritten();
