import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { loadConfig } from '../config';
import { openCore, type Core } from '../composition-root';
import { refreshPlannerStatistics } from '../db/planner-statistics';
import type { DrainOptions } from '../related/related.indexer';
import { WorkerPool } from '../workers/worker-pool';
import { stderrIsTerminal } from './heap-cap';

interface ReindexCliOptions {
  all: boolean;
  batchSize: string;
}

export function registerReindexCommand(program: Command): void {
  program
    .command('reindex')
    .description('bring related articles up to date: process the related queue until it is empty')
    .option('--all', 'queue every published article first (after changing the ranking, or restoring a backup)', false)
    .option('--batch-size <n>', 'articles per transaction', '500')
    .action(async (options: ReindexCliOptions) => {
      process.exitCode = await runReindex(options);
    });
}

async function runReindex(options: ReindexCliOptions): Promise<number> {
  const batchSize = Number(options.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    console.error('--batch-size must be a whole number of 1 or more.');
    return 2;
  }
  const core = await openCore(loadConfig());
  try {
    await bringRelatedUpToDate(core, { batchSize, all: options.all });
    return 0;
  } finally {
    await core.close();
  }
}

/**
 * SQLite's page cache while the bulk build counts (given back before it
 * ranks): measured on the 1,000,000-article archive, see the README.
 */
const COUNT_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * What `habari reindex` does, for any command that leaves articles queued
 * (`seed --index` too): drain the related queue with progress on stderr,
 * train the topic models that are stale, and rank the uncategorized articles
 * again with a new model.
 */
export async function bringRelatedUpToDate(core: Core, options: { batchSize: number; all?: boolean }): Promise<void> {
  const indexer = core.services.relatedIndexer;
  const started = Date.now();
  const terminal = stderrIsTerminal();
  let lastLine = 0;
  const drain: DrainOptions = {
    batchSize: options.batchSize,
    // The command has the machine to itself: every core tokenizes and ranks (the server does both on its one thread).
    countingWorkers: availableParallelism(),
    rankingWorkers: availableParallelism(),
    countBatchSize: Math.max(options.batchSize, 5_000),
    // Fewer, larger writes of the count keep it fast as term_stats grows (BulkOptions.countWriteSize).
    // At 1,000,000 articles (fifteenth session): 686 s with 20,000, 560 s with 40,000 (count peak 920 MiB),
    // 604 s with 50,000 (1,040 MiB: over the 1 GB the build is held to).
    countWriteSize: Math.max(options.batchSize, 40_000),
    countCacheBytes: COUNT_CACHE_BYTES,
    // The command's connection is the build's alone: its list and profile rows skip SQLite's per-row
    // foreign-key reads of articles, and the build checks what they guarded at its end.
    checkReferencesAtEnd: true,
    // The queue grows while it drains (neighbours follow), so progress is a count, not a percentage.
    // A bulk build counts, profiles and ranks its backlog in turn: each has its line.
    onCounted: (counted) => progress('counted', counted),
    onProfiled: (profiled) => progress('profiled', profiled),
    onBatch: (processed) => progress('ranked', processed),
    // Which language the bulk build is on ("profiling en", "ranking en", "ranked en"): always a line.
    onLanguage: (language, step) => {
      lastStep = '';
      say(`${step} ${language}`, true);
    },
  };
  let lastStep = '';
  const progress = (step: string, count: number) => {
    if (step === lastStep && Date.now() - lastLine < 1000) return;
    lastStep = step;
    say(`${step} ${count} articles`);
  };
  // On a terminal a count overwrites the last line; a language's line stays.
  const say = (what: string, stays = false) => {
    lastLine = Date.now();
    const elapsed = ((Date.now() - started) / 1000).toFixed(0);
    // RSS is the process (worker threads included); the heaps are V8's committed sizes, this thread's
    // and the workers' as they last reported them. The rest of RSS is typed arrays (the index the
    // workers share), SQLite's cache, malloc's arenas and code.
    const { rss, heapTotal } = process.memoryUsage();
    const mb = (bytes: number) => Math.round(bytes / 1048576);
    const workers = WorkerPool.liveWorkerHeapBytes();
    process.stderr.write(
      `${terminal ? '\r' : ''}related index: ${what} (${elapsed} s, ${mb(rss)} MB, heap ${mb(heapTotal)} MB, workers' heaps ${mb(workers)} MB)${terminal && !stays ? '' : '\n'}`,
    );
  };
  await core.services.topics.refresh();
  const summary = options.all ? await indexer.reindexAll(drain) : await indexer.drain(drain);
  // Topic models learn from indexed profiles, so they train after indexing; a new model queues the
  // uncategorized articles, whose lists are then ranked again with it.
  const trained = await core.services.topics.retrainStale();
  for (const model of trained) {
    console.log(
      model.topics === null
        ? `Topic model ${model.language}: too few categorized articles (${model.examples}) to learn from.`
        : `Topic model ${model.language}: ${model.topics} topics learned from ${model.examples} categorized articles in ${(model.ms / 1000).toFixed(1)} s.`,
    );
  }
  if (trained.some((model) => model.topics !== null)) {
    const again = await indexer.drain(drain);
    summary.processed += again.processed;
    summary.elapsedMs += again.elapsedMs;
  }
  if (terminal && lastLine) process.stderr.write('\n');
  await refreshPlannerStatistics(core.dataSource);
  console.log(`Indexed ${summary.processed} articles in ${(summary.elapsedMs / 1000).toFixed(1)} s; related lists are up to date.`);
}
