import 'reflect-metadata';
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { prepareDraft } from '../articles/article.prepare';
import type { DraftRecord, ImportRecord } from './import.types';
import type { PrepareJob, WorkerMessage } from './prepared-records';
import { tsvRecords } from './tsv.records';

/**
 * The worker side of preparedRecords: reads the TSV files, parses rows into
 * drafts and prepares them (checks, hashes, word counts, search words),
 * posting records in batches. It runs at most `maxBatchesAhead` batches ahead
 * of the writer, so memory stays flat however large the files are.
 */
const { jobs, batchSize, maxBatchesAhead } = workerData as { jobs: PrepareJob[]; batchSize: number; maxBatchesAhead: number };
const port = parentPort!;
let credits = maxBatchesAhead;
let wake: (() => void) | null = null;

port.on('message', (message: { type: 'credit' }) => {
  if (message.type !== 'credit') return;
  credits += 1;
  wake?.();
  wake = null;
});

async function post(message: WorkerMessage): Promise<void> {
  if (message.type === 'batch') {
    while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
    credits -= 1;
  }
  port.postMessage(message);
}

/**
 * Tokenizing for search is the one step either thread can do (the writer's
 * search hook tokenizes what arrives without words). While the writer has
 * batches waiting, this thread does it; when the writer has (almost) caught
 * up and would wait for this one, as with long French articles, it leaves
 * it to the writer, so neither thread idles while the other works.
 */
function writerIsBusy(): boolean {
  return maxBatchesAhead - credits >= 2;
}

function prepare(record: DraftRecord, withSearchDocument: boolean): ImportRecord {
  if ('error' in record) return record;
  try {
    return { ref: record.ref, prepared: prepareDraft(record.draft, { withSearchDocument }) };
  } catch (error) {
    // The message the writer would have recorded for this draft: it says what to fix.
    return { ref: record.ref, error: error instanceof Error ? error.message : String(error) };
  }
}

async function run(): Promise<void> {
  for (const job of jobs) {
    const stream = fs.createReadStream(job.file);
    let bytesRead = 0;
    stream.on('data', (chunk) => {
      bytesRead += chunk.length;
    });
    const names = job.categoryNames;
    const records = tsvRecords(job.file, stream, {
      ...job.options,
      categoryName: names ? (label) => names[label.toLowerCase()] ?? label : undefined,
    });
    let batch: ImportRecord[] = [];
    let withSearchDocuments = true;
    for await (const record of records) {
      batch.push(prepare(record, withSearchDocuments));
      if (batch.length >= batchSize) {
        await post({ type: 'batch', file: job.file, records: batch, bytesRead });
        batch = [];
        withSearchDocuments = writerIsBusy();
      }
    }
    await post({ type: 'batch', file: job.file, records: batch, bytesRead });
  }
  await post({ type: 'done' });
}

run().catch((error: unknown) => {
  // Reaches the main thread as the Worker's 'error' event, with the file's own error (ENOENT...).
  setImmediate(() => {
    throw error;
  });
});
