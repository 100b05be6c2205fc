import { Worker } from 'node:worker_threads';

export interface CheckpointSettings {
  /** How often the worker copies committed pages from the WAL into the database file. */
  intervalMs: number;
  /**
   * WAL length, in frames (pages), past which the worker also restarts the WAL from its
   * first frame. See checkpointWorker.ts for why a plain background checkpoint is not enough.
   */
  restartAfterFrames: number;
}

/** 1 s between checkpoints; a restart once the WAL holds 4,096 pages (16 MB at 4 KB pages). */
export const DEFAULT_CHECKPOINTS: CheckpointSettings = { intervalMs: 1000, restartAfterFrames: 4096 };

export interface Checkpointer {
  /** Asks the worker to close its connection and end; the caller's own final checkpoint follows. */
  stop(): void;
}

/** Starts the background WAL checkpointer for a database file (see checkpointWorker.ts). */
export function startCheckpointer(file: string, settings: CheckpointSettings = DEFAULT_CHECKPOINTS): Checkpointer {
  const worker = new Worker(new URL('./checkpointWorker.js', import.meta.url), { workerData: { file, ...settings } });
  // Never keeps the process alive, and a failing worker only means checkpoints happen at close.
  worker.unref();
  worker.on('error', () => undefined);
  return {
    stop() {
      worker.postMessage('stop');
    },
  };
}
