import { rankRelated } from './related.ranking';
import type { RelatedRepository } from './related.repository';
import { rememberedCosine } from './related.similarity';
import type { RelatedInput, RelatedResult, TopicsOf } from './related.types';
import { RELATED_WEIGHTS } from './related.weights';

/** How many related articles are stored per article; `related(first:)` serves from these. */
export const RELATED_STORED = 12;
/** Candidates per article that the ranking scores in full (see RelatedRepository.candidateIds). */
export const CANDIDATE_POOL = 50;

/**
 * Ranks each target against its best-matching indexed articles (reads only):
 * the postings queries of up to 20 targets in one statement, then the
 * candidates of all targets loaded together. Targets are candidates of each other as they are given. Shared by
 * the indexer's incremental batches and the read path (articles not indexed
 * yet); the bulk build (related.bulk-index.ts) computes the same candidates in memory.
 */
export async function rankAgainstIndex(
  reads: RelatedRepository,
  given: ReadonlyMap<number, RelatedInput>,
  /** Topic distributions from src/topics, given to every input the ranking sees. */
  topicsOf?: TopicsOf,
): Promise<Map<number, RelatedResult[]>> {
  const targets = new Map([...given].map(([id, input]) => [id, withTopics(input, topicsOf)]));
  const candidateIds = await reads.candidateIdsOf([...targets.values()], CANDIDATE_POOL);
  const others = [...new Set([...candidateIds.values()].flat())].filter((id) => !targets.has(id));
  const loaded = new Map((await reads.relatedInputs(others)).map((input) => [input.id, withTopics(input, topicsOf)]));
  const lists = new Map<number, RelatedResult[]>();
  const cosineOf = rememberedCosine();
  for (const [id, target] of targets) {
    const candidates = candidateIds.get(id)!.flatMap((candidate) => targets.get(candidate) ?? loaded.get(candidate) ?? []);
    lists.set(id, rankRelated(target, candidates, RELATED_STORED, RELATED_WEIGHTS, cosineOf));
  }
  return lists;
}

/** The input with its topic distribution when a topic model is given (incremental, bulk and live ranking alike). */
export function withTopics(input: RelatedInput, topicsOf: TopicsOf | undefined): RelatedInput {
  return topicsOf ? { ...input, topics: topicsOf(input) } : input;
}
