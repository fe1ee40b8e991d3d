import { indexBatch, profileBacklog, type ProfiledBacklog } from './related.index-batch';
import { RelatedIndexWrites } from './related.index-writes';
import type { RelatedRepository } from './related.repository';
import type { TopicsOf } from './related.types';

export interface DrainOptions {
  /** Queued articles per transaction. */
  batchSize?: number;
  /** A bulk drain's first pass: how many backlog articles are profiled so far. */
  onProfiled?: (profiled: number) => void;
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
/** A queue at least this long is drained in two passes (see drainNow). */
export const BULK_BACKLOG = 2_000;

/**
 * Works off related_queue: each batch recomputes document frequencies,
 * profiles and related lists in one transaction (see indexBatch). Runs never
 * overlap within a process: the background loop, the CLI and tests queue up
 * behind each other.
 */
export class RelatedIndexer {
  private tail: Promise<unknown> = Promise.resolve();

  private readonly clock: () => Date;
  private readonly bulkBacklog: number;
  private readonly topicsOf?: TopicsOf;

  constructor(
    private readonly related: RelatedRepository,
    options: { clock?: () => Date; bulkBacklog?: number; topicsOf?: TopicsOf } = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.bulkBacklog = options.bulkBacklog ?? BULK_BACKLOG;
    this.topicsOf = options.topicsOf;
  }

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

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async drainNow(options: DrainOptions): Promise<DrainSummary> {
    const started = Date.now();
    let processed = 0;
    let batches = 0;
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    // A read first: an idle poll must not count as a write.
    if (await this.related.hasQueued()) {
      // A large backlog (an import, `reindex --all`) is profiled first and ranked second: ranked one
      // batch at a time, each article would be ranked before its later neighbours existed and again after.
      const profiled = (await this.related.queuedCount()) >= this.bulkBacklog ? await this.profileBacklog(batchSize, options) : new Map();
      for (;;) {
        if (options.shouldStop?.()) break;
        const count = await this.runBatch(batchSize, profiled);
        if (count === 0) break;
        processed += count;
        batches += 1;
        options.onBatch?.(processed);
        if (options.yieldBetweenBatches) await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const elapsedMs = Date.now() - started;
    return { processed, batches, elapsedMs, articlesPerSecond: elapsedMs > 0 ? Math.round((processed * 1000) / elapsedMs) : processed };
  }

  private runBatch(size: number, profiled: ProfiledBacklog): Promise<number> {
    return this.related.transaction(async (manager) => {
      const writes = new RelatedIndexWrites(manager);
      const claimed = await writes.claim(size);
      if (claimed.length) await indexBatch(claimed, this.related.on(manager), writes, this.clock(), profiled, this.topicsOf);
      return claimed.length;
    });
  }

  /** First pass of a bulk drain: profiles every queued article, page by page, leaving the rows queued. */
  private async profileBacklog(size: number, options: DrainOptions): Promise<ProfiledBacklog> {
    const profiled = new Map<number, number>();
    let after = 0;
    while (!options.shouldStop?.()) {
      const { page, done } = await this.related.transaction(async (manager) => {
        const writes = new RelatedIndexWrites(manager);
        const entries = await writes.queuePage(after, size);
        return { page: entries, done: await profileBacklog(entries, this.related.on(manager), writes, this.clock()) };
      });
      if (!page.length) break;
      for (const entry of done) profiled.set(entry.articleId, entry.enqueuedAt);
      after = page[page.length - 1].articleId;
      options.onProfiled?.(profiled.size);
      if (options.yieldBetweenBatches) await new Promise((resolve) => setImmediate(resolve));
    }
    return profiled;
  }
}

/** Drains the related queue of an app or core: what tests call instead of waiting for the loop. */
export function drainRelatedQueue(target: { services: { relatedIndexer: RelatedIndexer } }, options?: DrainOptions): Promise<DrainSummary> {
  return target.services.relatedIndexer.drain(options);
}
