import { CANDIDATE_POOL, RELATED_STORED, withTopics } from './related.live-ranking';
import type { LanguageIndex } from './related.memory-index';
import { rankRelated } from './related.ranking';
import { rememberedCosine } from './related.similarity';
import type { RelatedInput, RelatedResult, TopicsOf } from './related.types';
import { RELATED_WEIGHTS } from './related.weights';

/** Pass 3 for one page of targets: their candidates from memory, ranked as rankAgainstIndex ranks. */
export function rankInMemory(index: LanguageIndex, page: ReadonlyArray<{ articleId: number }>, topicsOf?: TopicsOf): Map<number, RelatedResult[]> {
  const lists = new Map<number, RelatedResult[]>();
  const cosineOf = rememberedCosine();
  // Each input's topic distribution once per page (a candidate serves many targets); the model cannot change within a page.
  const decorated = new Map<RelatedInput, RelatedInput>();
  const inputOf = (id: number) => {
    const input = index.input(id);
    if (!input || !topicsOf) return input;
    let withTopic = decorated.get(input);
    if (!withTopic) decorated.set(input, (withTopic = withTopics(input, topicsOf)));
    return withTopic;
  };
  for (const { articleId } of page) {
    const target = inputOf(articleId);
    if (!target) continue; // unpublished since it was counted: queued again, the incremental indexer follows
    const candidates = index.candidates(articleId, CANDIDATE_POOL).flatMap((id) => inputOf(id) ?? []);
    lists.set(articleId, rankRelated(target, candidates, RELATED_STORED, RELATED_WEIGHTS, cosineOf));
  }
  return lists;
}

