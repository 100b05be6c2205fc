import { Worker } from 'node:worker_threads';

export interface Checkpointer {
  /** Asks the worker to close its connection and end; the caller's own final checkpoint follows. */
  stop(): void;
}

/** Starts the background WAL checkpointer for a database file (see checkpointWorker.ts). */
export function startCheckpointer(file: string, intervalMs = 1000): Checkpointer {
  const worker = new Worker(new URL('./checkpointWorker.js', import.meta.url), { workerData: { file, intervalMs } });
  // Never keeps the process alive, and a failing worker only means checkpoints happen at close.
  worker.unref();
  worker.on('error', () => undefined);
  return {
    stop() {
      worker.postMessage('stop');
    },
  };
}
