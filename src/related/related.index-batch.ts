import { changesOf, sortedCounts, type LanguageTermDeltas, type SortedCounts } from './related.counted-page';
import { isPublished } from '../articles/article.enums';
import { termKey, type IndexSource, type PreviousIndex, type QueueEntry, type RelatedIndexWrites } from './related.index-writes';
import { buildTermProfile, compareTerms } from './related.profile';
import { RELATED_STORED, rankAgainstIndex } from './related.live-ranking';
import { tokensOf } from './related.terms';
import { inputFields, type RelatedRepository } from './related.repository';
import type { RelatedInput, RelatedResult, TermWeight, TopicsOf } from './related.types';

/**
 * One batch of the queue, inside one transaction:
 * 1. articles whose text may have changed are profiled again: their unique
 *    term sets move term_stats and language_stats (the set they were last
 *    counted with is in related_index.terms), and profiles built with the
 *    updated df replace article_terms, so the batch's articles find each other;
 *    neighbours the indexer queued itself keep their stored profile;
 * 2. every published article gets its list ranked from its best candidates;
 * 3. articles that are gone leave every list; the lists that named them or
 *    an updated article, and those a new score would enter, are queued to
 *    rank again (without cascade).
 * A large backlog goes through related.bulk-index.ts instead (same profiles, same lists).
 */
export async function indexBatch(
  claimed: readonly QueueEntry[],
  reads: RelatedRepository,
  writes: RelatedIndexWrites,
  now: Date,
  /** Topic distributions from src/topics, given to every input the ranking sees. */
  topicsOf?: TopicsOf,
): Promise<void> {
  const ids = claimed.map((entry) => entry.articleId);
  const inBatch = new Set(ids);
  const previous = await writes.previousTermSets(ids);
  const unchangedText = claimed.filter((entry) => !entry.cascade && previous.has(entry.articleId)).map((entry) => entry.articleId);
  const kept = new Map((await reads.relatedInputs(unchangedText)).map((input) => [input.id, input]));
  const changed = ids.filter((id) => !kept.has(id));
  const reprofiled = await reprofile(changed, previous, reads, writes, now);

  const toQueue = new Set<number>();
  const gone = changed.filter((id) => !reprofiled.has(id));
  if (gone.length) for (const owner of await writes.leaveIndex(gone)) toQueue.add(owner);

  const lists = await rankAgainstIndex(reads, new Map([...kept, ...reprofiled]), topicsOf);
  await writes.replaceLists(lists);
  for (const id of await neighboursToRankAgain(claimed, lists, writes, (id) => inBatch.has(id))) toQueue.add(id);
  const queue = [...toQueue].filter((id) => !inBatch.has(id)).sort((a, b) => a - b);
  if (queue.length) await writes.enqueueNeighbours(queue, now);
}

/**
 * After `lists` were ranked for `ranked`: the neighbours whose lists may now
 * be stale, for the entries that cascade (written articles, not neighbours
 * the indexer queued). `settled` articles rank in this run anyway;
 * `ownersSettled`: so does every article that has a list (a whole-index
 * bulk build), so their owners are not asked.
 */
export async function neighboursToRankAgain(
  ranked: readonly QueueEntry[],
  lists: ReadonlyMap<number, readonly RelatedResult[]>,
  writes: RelatedIndexWrites,
  settled: (id: number) => boolean,
  ownersSettled = false,
): Promise<number[]> {
  const toQueue = new Set<number>();
  const cascading = ranked.filter((entry) => entry.cascade && lists.has(entry.articleId)).map((entry) => entry.articleId);
  if (cascading.length) {
    // An updated article's old neighbours hold a stale score for it.
    if (!ownersSettled) for (const owner of await writes.ownersOf(cascading)) toQueue.add(owner);
    // Its new neighbours rank again so their lists can include it; a neighbour whose list is full of
    // stronger scores would not change (scores are close to symmetric), so it is left alone.
    const entering = cascading.flatMap((id) => lists.get(id)!.filter((item) => !settled(item.id)));
    const stats = await writes.listStats([...new Set(entering.map((item) => item.id))]);
    for (const item of entering) {
      const list = stats.get(item.id);
      if (!list || list.count < RELATED_STORED || item.score >= list.lowest) toQueue.add(item.id);
    }
  }
  return [...toQueue].filter((id) => !settled(id)).sort((a, b) => a - b);
}

/** Step 1 for `ids`: answers the published ones as ranking targets; the others end with no profile. */
async function reprofile(
  ids: readonly number[],
  previous: ReadonlyMap<number, PreviousIndex>,
  reads: RelatedRepository,
  writes: RelatedIndexWrites,
  now: Date,
): Promise<Map<number, RelatedInput>> {
  if (!ids.length) return new Map();
  const sources = await writes.sources(ids);
  const counts = new DocumentCounts();
  const tokens = new Map<number, string[]>();
  const termSets = new Map<number, string[]>();
  for (const id of ids) {
    const before = previous.get(id);
    if (before) counts.add(before.language, before.terms, -1);
    const source = sources.get(id);
    if (!isPublished(source)) continue;
    const articleTokens = tokensOf(source);
    const set = [...new Set(articleTokens)].sort(compareTerms);
    tokens.set(id, articleTokens);
    termSets.set(id, set);
    counts.add(source.language, set, 1);
  }

  const df = await writes.applyTermDeltas(counts.termDeltas());
  await writes.applyDocDeltas(counts.docDeltas);
  const published = [...termSets.keys()];
  const languageOf = (id: number) => sources.get(id)!.language;
  const languages = [...new Set(published.map(languageOf))].sort();
  for (const language of languages) {
    // Terms this batch did not move: their df was not returned by the update.
    const unmoved = new Set(published.filter((id) => languageOf(id) === language).flatMap((id) => termSets.get(id)!.filter((term) => !df.has(termKey(language, term)))));
    for (const [term, value] of await reads.termFrequencies(language, [...unmoved])) df.set(termKey(language, term), value);
  }
  const docs = await reads.languageDocs(languages);

  const targets = new Map<number, RelatedInput>();
  const profiles = new Map<number, TermWeight[]>();
  for (const id of published) {
    const language = languageOf(id);
    const profile = buildTermProfile(tokens.get(id)!, (term) => df.get(termKey(language, term)) ?? 0, docs.get(language) ?? 0);
    profiles.set(id, profile);
    targets.set(id, { ...inputFields(sources.get(id)!), profile });
  }
  await writes.replaceProfiles(ids, profiles);
  const saved = published.map((id) => ({
    id,
    language: languageOf(id),
    terms: termSets.get(id)!,
    indexedAt: Math.max(now.getTime(), (previous.get(id)?.indexedAt ?? 0) + 1),
  }));
  await writes.saveTermSets(saved);
  for (const { id, indexedAt } of saved) reads.rememberProfile(id, indexedAt, profiles.get(id)!);
  return targets;
}

/** Per-language document frequency changes of one batch, applied in one pass. */
export class DocumentCounts {
  private readonly terms = new Map<string, Map<string, number>>();
  readonly docDeltas = new Map<string, number>();

  add(language: string, terms: readonly string[], delta: number): void {
    let counts = this.terms.get(language);
    if (!counts) this.terms.set(language, (counts = new Map()));
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + delta);
    this.docDeltas.set(language, (this.docDeltas.get(language) ?? 0) + delta);
  }

  /** Non-zero changes in (language, term) order, so concurrent batches lock term_stats rows in one order. */
  termDeltas(): LanguageTermDeltas[] {
    return [...this.byLanguage()].map(([language, counts]) => changesOf(language, counts)).filter((change) => change.terms.length > 0);
  }

  /** Each language's changes as sorted lists (zeros included), languages in order. */
  byLanguage(): Map<string, SortedCounts> {
    return new Map([...this.terms.keys()].sort().map((language) => [language, sortedCounts(this.terms.get(language)!)]));
  }
}
