import { bulkIndex, type LanguageStep } from './related.bulk-index';
import { indexBatch } from './related.index-batch';
import { RelatedIndexWrites } from './related.index-writes';
import type { RelatedRepository } from './related.repository';
import type { RankingTopicModel } from '../topics/topics.ranking';
import type { TopicsOf } from './related.types';

export interface DrainOptions {
  /** Queued articles per transaction. */
  batchSize?: number;
  /** A bulk build's first pass: how many backlog articles are counted so far. */
  onCounted?: (counted: number) => void;
  /** A bulk build's second pass: how many backlog articles are profiled so far. */
  onProfiled?: (profiled: number) => void;
  /** A bulk build starts profiling one language's backlog, starts ranking it, or has ranked it (BulkOptions.onLanguage). */
  onLanguage?: (language: string, step: LanguageStep) => void;
  /** After each committed batch: how many articles this drain has processed so far. */
  onBatch?: (processed: number) => void;
  /** Checked between batches: stop early (the rest stays queued). */
  shouldStop?: () => boolean;
  /** Let other work run between batches (the server: SQLite runs a batch on the one connection). */
  yieldBetweenBatches?: boolean;
  /** Articles read and counted at a time by a bulk build's first pass (batchSize unless given). */
  countBatchSize?: number;
  /** Articles per transaction of a bulk build's first pass (countBatchSize unless given; BulkOptions.countWriteSize). */
  countWriteSize?: number;
  /** SQLite's page cache during a bulk build's first pass (BulkOptions.countCacheBytes). */
  countCacheBytes?: number;
  /** A bulk build's term-counting worker threads (the CLI: one per core); none in the server. */
  countingWorkers?: number;
  /** A bulk build's ranking worker threads (the CLI: one per core); none in the server, which serves requests meanwhile. */
  rankingWorkers?: number;
  /** The smallest backlog of one language that the workers rank (PARALLEL_RANKING_FROM). */
  parallelFrom?: number;
  /** The most articles of two languages for the next to be profiled while this one is ranked (OVERLAP_UNTIL). */
  overlapUntil?: number;
  /** A bulk build writes without SQLite's foreign-key checks and checks at its end instead (BulkOptions.checkReferencesAtEnd). */
  checkReferencesAtEnd?: boolean;
}

export interface DrainSummary {
  processed: number;
  batches: number;
  elapsedMs: number;
  articlesPerSecond: number;
}

export const DEFAULT_BATCH_SIZE = 200;
/** A queue at least this long is built in bulk (see related.bulk-index.ts). */
// 500: the demo's 1,571 articles are built in bulk at first start (a few MB), not 20 at a time.
export const BULK_BACKLOG = 500;
/** At least this many articles per transaction in a bulk build (the server's small batches would make it slow). */
const BULK_PAGE = 100;

/**
 * Works off related_queue: each batch recomputes document frequencies,
 * profiles and related lists in one transaction (see indexBatch). Runs never
 * overlap within a process: the background loop, the CLI and tests queue up
 * behind each other.
 */
export class RelatedIndexer {
  private tail: Promise<unknown> = Promise.resolve();
  private termIndexChecked = false;

  private readonly clock: () => Date;
  private readonly bulkBacklog: number;
  private readonly topicsOf?: TopicsOf;
  private readonly deferTermIndexBacklog?: number;
  private readonly rankingModel?: (language: string) => RankingTopicModel | null;

  constructor(
    private readonly related: RelatedRepository,
    options: {
      clock?: () => Date;
      bulkBacklog?: number;
      topicsOf?: TopicsOf;
      /** topicsOf's models as plain data, for ranking worker threads. */
      rankingModel?: (language: string) => RankingTopicModel | null;
      deferTermIndexBacklog?: number;
    } = {},
  ) {
    this.rankingModel = options.rankingModel;
    this.clock = options.clock ?? (() => new Date());
    this.bulkBacklog = options.bulkBacklog ?? BULK_BACKLOG;
    this.topicsOf = options.topicsOf;
    this.deferTermIndexBacklog = options.deferTermIndexBacklog;
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
    // A process's first drain puts back a term index that a bulk build which died left out.
    if (!this.termIndexChecked) {
      this.termIndexChecked = true;
      await this.related.restoreBuildIndexes();
    }
    // A read first: an idle poll must not count as a write.
    if (await this.related.hasQueued()) {
      const pause = options.yieldBetweenBatches ? () => new Promise<void>((resolve) => setImmediate(resolve)) : undefined;
      if ((await this.related.queuedCount()) >= this.bulkBacklog) {
        processed = await bulkIndex(this.related, {
          pageSize: Math.max(batchSize, BULK_PAGE),
          now: this.clock,
          countPageSize: options.countBatchSize,
          countWriteSize: options.countWriteSize,
          countCacheBytes: options.countCacheBytes,
          onCounted: options.onCounted,
          onProfiled: options.onProfiled,
          onLanguage: options.onLanguage,
          onBatch: options.onBatch,
          shouldStop: options.shouldStop,
          pause,
          topicsOf: this.topicsOf,
          deferTermIndexBacklog: this.deferTermIndexBacklog,
          countingWorkers: options.countingWorkers,
          rankingWorkers: options.rankingWorkers,
          parallelFrom: options.parallelFrom,
          overlapUntil: options.overlapUntil,
          checkReferencesAtEnd: options.checkReferencesAtEnd,
          rankingModel: this.rankingModel,
        });
        batches += 1;
      }
      // What is left: rows queued again meanwhile, and the neighbours the new lists affect. Their
      // candidate search needs the term index, which a bulk build that stopped or died leaves out.
      if (!options.shouldStop?.()) await this.related.restoreBuildIndexes();
      for (;;) {
        if (options.shouldStop?.()) break;
        const count = await this.runBatch(batchSize);
        if (count === 0) break;
        processed += count;
        batches += 1;
        options.onBatch?.(processed);
        await pause?.();
      }
    }
    const elapsedMs = Date.now() - started;
    return { processed, batches, elapsedMs, articlesPerSecond: elapsedMs > 0 ? Math.round((processed * 1000) / elapsedMs) : processed };
  }

  private runBatch(size: number): Promise<number> {
    return this.related.transaction(async (unit) => {
      const writes = unit.get(RelatedIndexWrites);
      const claimed = await writes.claim(size);
      if (claimed.length) await indexBatch(claimed, this.related.on(unit), writes, this.clock(), this.topicsOf);
      return claimed.length;
      // A replay claims again (the rolled-back claim left its rows queued); the profile cache
      // already ignores what a rolled-back batch remembered (see ProfileCache).
    }, { replaySafe: true });
  }
}

/** Drains the related queue of an app or core: what tests call instead of waiting for the loop. */
export function drainRelatedQueue(target: { services: { relatedIndexer: RelatedIndexer } }, options?: DrainOptions): Promise<DrainSummary> {
  return target.services.relatedIndexer.drain(options);
}
