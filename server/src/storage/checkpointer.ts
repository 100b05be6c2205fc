import { Worker } from 'node:worker_threads';

export interface CheckpointSettings {
  /** How often, at most, the worker copies committed pages from the WAL into the database file. */
  intervalMs: number;
  /**
   * WAL length, in frames (pages), past which the worker also restarts the WAL from its
   * first frame. See checkpointWorker.ts for why a plain background checkpoint is not enough.
   */
  restartAfterFrames: number;
}

/** 1 s between checkpoints; a restart once the WAL holds 4,096 pages (16 MB at 4 KB pages). */
export const DEFAULT_CHECKPOINTS: CheckpointSettings = { intervalMs: 1000, restartAfterFrames: 4096 };

/** The one-cell signal between the writer and the worker (an Int32Array over shared memory). */
export const CheckpointSignal = {
  /** Nothing committed since the worker's last checkpoint: the worker sleeps. */
  Idle: 0,
  /** Something was committed: the worker wakes, waits out its interval and checkpoints. */
  Written: 1,
} as const;

export interface Checkpointer {
  /**
   * Tells the worker the writer committed something. Called after every commit; it costs
   * one atomic compare, and wakes the worker only on the first commit since its last checkpoint.
   */
  wrote(): void;
  /**
   * Asks the worker to close its connection and end; the caller's own final checkpoint
   * follows. Resolves once the thread has ended: a worker asked to stop before it had
   * started still opens the file first.
   */
  stop(): Promise<void>;
}

export interface CheckpointerEvents {
  /** Hears of every checkpoint the worker ran, with the WAL's length in frames (tests). */
  onCheckpoint?: (walFrames: number) => void;
  /**
   * The worker stopped on an error. Commits go on, but nothing checkpoints the WAL any
   * more until the storage is closed, so it grows with every commit: the operator must know.
   */
  onFailure?: (error: Error) => void;
}

/** Starts the background WAL checkpointer for a database file (see checkpointWorker.ts). */
export function startCheckpointer(
  file: string,
  settings: CheckpointSettings = DEFAULT_CHECKPOINTS,
  { onCheckpoint, onFailure }: CheckpointerEvents = {},
): Checkpointer {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  // Whatever opening the file wrote (its schema, a migration) is checkpointed like any commit.
  signal[0] = CheckpointSignal.Written;
  const worker = new Worker(new URL('./checkpointWorker.js', import.meta.url), {
    workerData: { file, ...settings, signal, report: onCheckpoint !== undefined },
  });
  // Never keeps the process alive; the storage's own checkpoint at close still runs.
  worker.unref();
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', (error) => onFailure?.(error));
  if (onCheckpoint) worker.on('message', (walFrames: number) => onCheckpoint(walFrames));
  return {
    wrote() {
      if (
        Atomics.compareExchange(signal, 0, CheckpointSignal.Idle, CheckpointSignal.Written) === CheckpointSignal.Idle
      ) {
        Atomics.notify(signal, 0);
      }
    },
    stop() {
      // Awaited now: without a reference the process could exit while it waits.
      worker.ref();
      worker.postMessage('stop');
      return ended;
    },
  };
}
