import type { LanguageCode } from '../languages/language.catalogue';
import { isPublished, termKey, type IndexSource, type PreviousIndex, type QueueEntry, type RelatedIndexWrites, type TermDelta } from './related.index-writes';
import { buildTermProfile, compareTerms } from './related.profile';
import { rankRelated } from './related.ranking';
import { inputFields, type RelatedRepository } from './related.repository';
import { profileTokens } from './related.terms';
import { rememberedCosine } from './related.similarity';
import type { RelatedInput, RelatedResult, TermWeight, TopicsOf } from './related.types';
import { RELATED_WEIGHTS } from './related.weights';

/** How many related articles are stored per article; `related(first:)` serves from these. */
export const RELATED_STORED = 12;
/** Candidates per article that the ranking scores in full (see RelatedRepository.candidateIds). */
export const CANDIDATE_POOL = 50;

export function tokensOf(source: Pick<IndexSource, 'title' | 'standfirst' | 'bodyText' | 'language'>): string[] {
  return profileTokens({ title: source.title, standfirst: source.standfirst, body: source.bodyText }, source.language as LanguageCode);
}

/**
 * Ranks each target against its best-matching indexed articles (reads only):
 * one postings query per target, then the candidates of all targets loaded
 * together. Targets are candidates of each other as they are given.
 */
export async function rankAgainstIndex(
  reads: RelatedRepository,
  targets: ReadonlyMap<number, RelatedInput>,
  /** Topic distributions from src/topics, given to every input the ranking sees. */
  topicsOf: TopicsOf = noTopics,
): Promise<Map<number, RelatedResult[]>> {
  const candidateIds = new Map<number, number[]>();
  for (const [id, target] of targets) candidateIds.set(id, await reads.candidateIds(target.language, target.profile, id, CANDIDATE_POOL));
  const others = [...new Set([...candidateIds.values()].flat())].filter((id) => !targets.has(id));
  const loaded = new Map((await reads.relatedInputs(others)).map((input) => [input.id, withTopics(input, topicsOf)]));
  const ranked = new Map([...targets].map(([id, target]) => [id, withTopics(target, topicsOf)]));
  const lists = new Map<number, RelatedResult[]>();
  const cosineOf = rememberedCosine();
  for (const [id, target] of ranked) {
    const candidates = candidateIds.get(id)!.flatMap((candidate) => ranked.get(candidate) ?? loaded.get(candidate) ?? []);
    lists.set(id, rankRelated(target, candidates, RELATED_STORED, RELATED_WEIGHTS, cosineOf));
  }
  return lists;
}

const noTopics: TopicsOf = () => null;

function withTopics(input: RelatedInput, topicsOf: TopicsOf): RelatedInput {
  return topicsOf === noTopics ? input : { ...input, topics: topicsOf(input) };
}

/**
 * One batch of the queue, inside one transaction:
 * 1. articles whose text may have changed are profiled again: their unique
 *    term sets move term_stats and language_stats (the set they were last
 *    counted with is in related_index.terms), and profiles built with the
 *    updated df replace article_terms, so the batch's articles find each other;
 *    neighbours the indexer queued itself, and rows a bulk drain profiled
 *    already (`profiled`, see profileBacklog), keep their stored profile;
 * 2. every published article gets its list ranked from its best candidates;
 * 3. articles that are gone leave every list; the lists that named them or
 *    an updated article, and those a new score would enter, are queued to
 *    rank again (without cascade).
 */
export async function indexBatch(
  claimed: readonly QueueEntry[],
  reads: RelatedRepository,
  writes: RelatedIndexWrites,
  now: Date,
  profiled: ProfiledBacklog = new Map(),
  topicsOf: TopicsOf = noTopics,
): Promise<void> {
  const ids = claimed.map((entry) => entry.articleId);
  const inBatch = new Set(ids);
  // Backlog articles rank after every backlog profile exists, so they need not queue each other.
  const settled = (id: number) => inBatch.has(id) || profiled.has(id);
  const previous = await writes.previousTermSets(ids);
  const unchangedText = claimed
    .filter((entry) => (!entry.cascade || profiled.get(entry.articleId) === entry.enqueuedAt) && previous.has(entry.articleId))
    .map((entry) => entry.articleId);
  const kept = new Map((await reads.relatedInputs(unchangedText)).map((input) => [input.id, input]));
  const changed = ids.filter((id) => !kept.has(id));
  const reprofiled = await reprofile(changed, previous, reads, writes, now);

  const toQueue = new Set<number>();
  const gone = changed.filter((id) => !reprofiled.has(id));
  if (gone.length) {
    await writes.forget(gone);
    for (const owner of await writes.ownersOf(gone)) toQueue.add(owner);
    await writes.removeFromLists(gone);
  }

  const lists = await rankAgainstIndex(reads, new Map([...kept, ...reprofiled]), topicsOf);
  await writes.replaceLists(lists);

  const cascading = claimed.filter((entry) => entry.cascade && lists.has(entry.articleId)).map((entry) => entry.articleId);
  if (cascading.length) {
    // An updated article's old neighbours hold a stale score for it.
    for (const owner of await writes.ownersOf(cascading)) toQueue.add(owner);
    // Its new neighbours rank again so their lists can include it; a neighbour whose list is full of
    // stronger scores would not change (scores are close to symmetric), so it is left alone.
    const entering = cascading.flatMap((id) => lists.get(id)!.filter((item) => !settled(item.id)));
    const stats = await writes.listStats([...new Set(entering.map((item) => item.id))]);
    for (const item of entering) {
      const list = stats.get(item.id);
      if (!list || list.count < RELATED_STORED || item.score >= list.lowest) toQueue.add(item.id);
    }
  }
  const queue = [...toQueue].filter((id) => !settled(id)).sort((a, b) => a - b);
  if (queue.length) await writes.enqueueNeighbours(queue, now);
}

/** Queue rows a bulk drain has profiled (article id -> enqueued_at of the row it read). */
export type ProfiledBacklog = ReadonlyMap<number, number>;

/**
 * Step 1 alone, for a page of a large backlog: profiles its published
 * articles and leaves ranking (and anything unpublished) to indexBatch, once
 * the whole backlog is profiled. Answers the rows it profiled.
 */
export async function profileBacklog(entries: readonly QueueEntry[], reads: RelatedRepository, writes: RelatedIndexWrites, now: Date): Promise<QueueEntry[]> {
  const ids = entries.map((entry) => entry.articleId);
  const done = await reprofile(ids, await writes.previousTermSets(ids), reads, writes, now, true);
  return entries.filter((entry) => done.has(entry.articleId));
}

/**
 * Step 1 for `ids`: answers the published ones as ranking targets; the others
 * end with no profile (unless `publishedOnly`: then they are left as they are).
 */
async function reprofile(
  allIds: readonly number[],
  previous: ReadonlyMap<number, PreviousIndex>,
  reads: RelatedRepository,
  writes: RelatedIndexWrites,
  now: Date,
  publishedOnly = false,
): Promise<Map<number, RelatedInput>> {
  if (!allIds.length) return new Map();
  const sources = await writes.sources(allIds);
  const ids = publishedOnly ? allIds.filter((id) => isPublished(sources.get(id))) : allIds;
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
    targets.set(id, { ...inputFields(sources.get(id)!.row), profile });
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
class DocumentCounts {
  private readonly terms = new Map<string, Map<string, number>>();
  readonly docDeltas = new Map<string, number>();

  add(language: string, terms: readonly string[], delta: number): void {
    let counts = this.terms.get(language);
    if (!counts) this.terms.set(language, (counts = new Map()));
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + delta);
    this.docDeltas.set(language, (this.docDeltas.get(language) ?? 0) + delta);
  }

  /** Non-zero changes in (language, term) order, so concurrent batches lock term_stats rows in one order. */
  termDeltas(): TermDelta[] {
    const deltas: TermDelta[] = [];
    for (const language of [...this.terms.keys()].sort()) {
      const counts = this.terms.get(language)!;
      for (const term of [...counts.keys()].sort(compareTerms)) {
        const delta = counts.get(term)!;
        if (delta !== 0) deltas.push({ language, term, delta });
      }
    }
    return deltas;
  }
}
