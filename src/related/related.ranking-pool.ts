import { builtWorkerScript, WorkerPool } from '../workers/worker-pool';
import { DECODED_SLOTS } from './related.shared-vocabulary';
import type { RankingTopicModel } from '../topics/topics.ranking';
import type { LanguageIndex } from './related.memory-index';
import type { RankAnswer, RankingWorkerData, RankRequest } from './related.ranking-worker';
import type { RelatedResult } from './related.types';

const WORKER_HEAP_MB = 160;
/** Per article of the language: the ranking's scratch (the articles themselves are shared columns). */
const WORKER_HEAP_BYTES_PER_ARTICLE = 200;
/**
 * Per term of the vocabulary: the decoded terms a worker keeps (at most 2^20,
 * related.shared-vocabulary.ts); the ranking reads profiles by term id in
 * place (related.memory-ranking.ts), so nothing is interned again.
 */
const WORKER_HEAP_BYTES_PER_TERM = 40;

/** Languages up to this many articles are ranked with a larger young generation (ROOMY_YOUNG_MB). */
export const ROOMY_YOUNG_UNTIL = 100_000;
const ROOMY_YOUNG_MB = 64;
const TIGHT_YOUNG_MB = 16;

/**
 * A ranking worker's young generation. Each page's candidates, lists and
 * memos live for a page, so a small young generation copies them again and
 * again and promotes them: at 16 MB a quarter to a third of a worker's time was
 * scavenging; at 64 MB a language ranks about a fifth faster (100,000-article
 * archive: Amharic 27 -> 22 s, English 55 -> 44 s) for about 60 MB more per
 * worker. Small languages take it; larger ones stay at 16 MB: at 1,000,000
 * articles Amharic's 121,568 ranked at up to 880 MB, and 120 MB more would
 * reach the 1 GB the build keeps to.
 */
export function youngGenerationMb(articles: number): number {
  return articles <= ROOMY_YOUNG_UNTIL ? ROOMY_YOUNG_MB : TIGHT_YOUNG_MB;
}

/**
 * Worker threads that rank a bulk build's pages in parallel (the ranking is
 * most of a build's CPU time). Each worker gets the sealed LanguageIndex's
 * typed arrays, vocabulary and article columns on shared memory (no
 * copy), and runs the same rankInMemory as the main thread, so the
 * lists are the same; pages go to the worker with the fewest in flight.
 */
export class RankingPool {
  private constructor(private readonly pool: WorkerPool<RankRequest, RankAnswer>) {}

  static start(index: LanguageIndex, language: string, topics: RankingTopicModel | null, size: number): RankingPool {
    const workerData: RankingWorkerData = { index: index.parts(), language, topics };
    // A heap limit near what a worker keeps (remembered inputs, the ranking's scratch): without one,
    // V8 lets garbage grow towards its default limit of several GB per worker before collecting.
    const decoded = Math.min(workerData.index.vocabulary.offsets.length - 1, DECODED_SLOTS);
    const copied = workerData.index.articles.ids.length * WORKER_HEAP_BYTES_PER_ARTICLE + decoded * WORKER_HEAP_BYTES_PER_TERM;
    const maxOldGenerationSizeMb = WORKER_HEAP_MB + Math.ceil(copied / 1_048_576);
    const script = builtWorkerScript(__dirname, 'related.ranking-worker.js');
    const resourceLimits = { maxOldGenerationSizeMb, maxYoungGenerationSizeMb: youngGenerationMb(workerData.index.articles.ids.length) };
    return new RankingPool(WorkerPool.start('related ranking', script, size, { workerData, resourceLimits }));
  }

  get size(): number {
    return this.pool.size;
  }

  /** The lists of one page of targets, as rankInMemory answers them. */
  async rank(articleIds: number[]): Promise<Map<number, RelatedResult[]>> {
    return new Map(await this.pool.run(articleIds));
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
