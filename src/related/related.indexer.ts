import { indexBatch } from './related.index-batch';
import { RelatedIndexWrites } from './related.index-writes';
import type { RelatedRepository } from './related.repository';

export interface DrainOptions {
  /** Queued articles per transaction. */
  batchSize?: number;
  /** After each committed batch: how many articles this drain has processed so far. */
  onBatch?: (processed: number) => void;
  /** Checked between batches: stop early (the rest stays queued). */
  shouldStop?: () => boolean;
  /** Let other work run between batches (the server: SQLite runs a batch on the one connection). */
  yieldBetweenBatches?: boolean;
}

export interface DrainSummary {
  processed: number;
  batches: number;
  elapsedMs: number;
  articlesPerSecond: number;
}

export const DEFAULT_BATCH_SIZE = 200;

/**
 * Works off related_queue: each batch recomputes document frequencies,
 * profiles and related lists in one transaction (see indexBatch). Runs never
 * overlap within a process: the background loop, the CLI and tests queue up
 * behind each other.
 */
export class RelatedIndexer {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly related: RelatedRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Processes the queue until it is empty (including the neighbours it queues). */
  drain(options: DrainOptions = {}): Promise<DrainSummary> {
    return this.exclusive(() => this.drainNow(options));
  }

  /** Queues every published article, then drains: after a tuning change or a restore. */
  reindexAll(options: DrainOptions = {}): Promise<DrainSummary> {
    return this.exclusive(async () => {
      await this.related.enqueueAllPublished(this.clock());
      return this.drainNow(options);
    });
  }

  queued(): Promise<number> {
    return this.related.queuedCount();
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async drainNow(options: DrainOptions): Promise<DrainSummary> {
    const started = Date.now();
    let processed = 0;
    let batches = 0;
    // A read first: an idle poll must not count as a write.
    if (await this.related.hasQueued()) {
      for (;;) {
        const count = await this.runBatch(options.batchSize ?? DEFAULT_BATCH_SIZE);
        if (count === 0) break;
        processed += count;
        batches += 1;
        options.onBatch?.(processed);
        if (options.shouldStop?.()) break;
        if (options.yieldBetweenBatches) await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const elapsedMs = Date.now() - started;
    return { processed, batches, elapsedMs, articlesPerSecond: elapsedMs > 0 ? Math.round((processed * 1000) / elapsedMs) : processed };
  }

  private runBatch(size: number): Promise<number> {
    return this.related.transaction(async (manager) => {
      const writes = new RelatedIndexWrites(manager);
      const claimed = await writes.claim(size);
      if (claimed.length) await indexBatch(claimed, this.related.on(manager), writes, this.clock());
      return claimed.length;
    });
  }
}

/** Drains the related queue of an app or core: what tests call instead of waiting for the loop. */
export function drainRelatedQueue(target: { services: { relatedIndexer: RelatedIndexer } }, options?: DrainOptions): Promise<DrainSummary> {
  return target.services.relatedIndexer.drain(options);
}
