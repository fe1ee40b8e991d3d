import { workerData } from 'node:worker_threads';
import { topicsFromModels, type RankingTopicModel } from '../topics/topics.ranking';
import { serveRequests } from '../workers/worker-pool';
import { LanguageIndex, type LanguageIndexParts } from './related.memory-index';
import { rankInMemory } from './related.memory-ranking';
import type { RelatedResult } from './related.types';

/** What a ranking worker is started with (related.ranking-pool.ts). */
export interface RankingWorkerData {
  index: LanguageIndexParts;
  language: string;
  topics: RankingTopicModel | null;
}

/** A page of targets, by article id. */
export type RankRequest = number[];

/** Their lists, as entries of rankInMemory's map. */
export type RankAnswer = Array<[number, RelatedResult[]]>;

// A worker thread of the bulk build: ranks pages of one language's backlog from
// the shared LanguageIndex, exactly as the main thread would (rankInMemory).
const data = workerData as RankingWorkerData;
// Fewer remembered inputs than the main thread's 20,000: each is ~6 KB with its packed profile, and
// every worker has its own (at 5,000 the 10,000-article build ranked as fast). This thread ranks from
// the index alone, so its profiles are packed with the index's own term ids (no strings interned again).
const index = LanguageIndex.fromParts(data.index, 5_000, { packWithVocabularyIds: true });
const topicsOf = data.topics ? topicsFromModels(new Map([[data.language, data.topics]])) : undefined;
serveRequests<RankRequest, RankAnswer>((articleIds) => [
  ...rankInMemory(
    index,
    articleIds.map((articleId) => ({ articleId })),
    topicsOf,
  ),
]);
