import { Worker } from 'node:worker_threads';
import { builtWorkerScript } from '../workers/worker-pool';
import type { ImportRecord } from './import.types';
import type { TsvOptions } from './tsv.records';

/** One TSV file to read, with options that can cross to a thread (no functions). */
export interface PrepareJob {
  file: string;
  options: Omit<TsvOptions, 'categoryName' | 'publishedAt'>;
  /** Category label (lower case) -> name to store, e.g. the demo's localized topic names. */
  categoryNames?: Record<string, string>;
}

export type WorkerMessage = { type: 'batch'; file: string; records: ImportRecord[]; bytesRead: number } | { type: 'done' };

export interface PreparedRecordsOptions {
  /** Hears how far into `file` the reader is, for a progress bar. */
  onBytesRead?: (file: string, bytes: number) => void;
  batchSize?: number;
}

/**
 * Import records from TSV files, read and prepared on a worker thread
 * (parsing, checks, hashes, word counts, search words: about half of an
 * import's work), so the main thread only writes: bulk import uses both of a
 * small server's cores. Records arrive in file order, as tsvRecords yields
 * them; stopping early (break, a strict rollback) ends the thread.
 */
export async function* preparedRecords(jobs: PrepareJob[], options: PreparedRecordsOptions = {}): AsyncGenerator<ImportRecord> {
  const worker = new Worker(builtWorkerScript(__dirname, 'prepare.worker.js'), { workerData: { jobs, batchSize: options.batchSize ?? 100, maxBatchesAhead: 8 } });
  const inbox: WorkerMessage[] = [];
  let failure: Error | null = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: WorkerMessage) => {
    inbox.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', () => {
    exited = true;
    notify();
  });
  try {
    for (;;) {
      const message = inbox.shift();
      if (!message) {
        if (failure) throw failure;
        if (exited) throw new Error('the import reader thread stopped before it finished');
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.type === 'done') return;
      options.onBytesRead?.(message.file, message.bytesRead);
      worker.postMessage({ type: 'credit' });
      yield* message.records;
    }
  } finally {
    await worker.terminate();
  }
}
