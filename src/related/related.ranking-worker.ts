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
const index = LanguageIndex.fromParts(data.index);
const topicsOf = data.topics ? topicsFromModels(new Map([[data.language, data.topics]])) : undefined;
serveRequests<RankRequest, RankAnswer>((articleIds) => [
  ...rankInMemory(
    index,
    articleIds.map((articleId) => ({ articleId })),
    topicsOf,
  ),
]);
