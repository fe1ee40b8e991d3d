import { ArticleStatus } from '../articles/article.enums';
import { DocumentCounts, neighboursToRankAgain } from './related.index-batch';
import { BulkIndexStatements, isPublished, termKey, type QueueEntry } from './related.index-writes';
import { CANDIDATE_POOL, RELATED_STORED, tokensOf, withTopics } from './related.live-ranking';
import { LanguageIndex } from './related.memory-index';
import { buildTermProfile, compareTerms } from './related.profile';
import { rankRelated } from './related.ranking';
import { inputFields, type RelatedRepository } from './related.repository';
import { rememberedCosine } from './related.similarity';
import type { RelatedInput, RelatedResult, TermWeight, TopicsOf } from './related.types';
import { RELATED_WEIGHTS } from './related.weights';

export interface BulkOptions {
  /** Articles per transaction. */
  pageSize: number;
  now: () => Date;
  onProfiled?: (profiled: number) => void;
  onBatch?: (ranked: number) => void;
  shouldStop?: () => boolean;
  /** Between transactions (the server: requests run between them). */
  pause?: () => Promise<void>;
  /** Topic distributions from src/topics, as the incremental indexer gives them to the ranking. */
  topicsOf?: TopicsOf;
}

/** A backlog article that passed the count: ranked once every profile of the backlog exists. */
interface BacklogEntry extends QueueEntry {
  language: string;
}

/**
 * Builds the related index for a large backlog (a first load, an import,
 * `reindex --all`) in three passes over the queue, each page its own
 * transaction, instead of ranking one batch at a time against SQL:
 *
 * 1. count: every queued article's unique terms move term_stats and
 *    language_stats as a batch would (the set is saved in related_index),
 *    articles no longer published leave the index;
 * 2. profile: with every document frequency final, each profile is built
 *    once (a batch at a time would build early articles' profiles from a
 *    fraction of the archive's df, and rank them before their neighbours exist);
 * 3. rank: one language at a time, every indexed article of the language is
 *    loaded into a LanguageIndex (profiles in typed arrays, postings of the
 *    searchable terms), and each backlog article is ranked from the
 *    candidates it answers, with rankRelated, and its list written.
 *
 * The lists equal what the incremental indexer computes for the same
 * profiles (tests/related.bulk.test.ts rebuilds them one article at a time
 * and compares). Memory is one language's profiles at a time (about 12 bytes
 * a term: 100,000 articles of 100 terms ~ 120 MB) plus its vocabulary.
 * A row queued again while this runs (its enqueued_at moved) stays queued for
 * the incremental indexer; so do the neighbours this queues. Answers how many
 * backlog articles were ranked.
 */
export async function bulkIndex(related: RelatedRepository, options: BulkOptions): Promise<number> {
  const backlog = await countTerms(related, options);
  if (options.shouldStop?.()) return 0;
  await profileAll(related, backlog, options);
  let ranked = 0;
  const languages = [...new Set(backlog.map((entry) => entry.language))].sort();
  const settled = new Set(backlog.map((entry) => entry.articleId));
  for (const language of languages) {
    if (options.shouldStop?.()) break;
    const index = await loadLanguage(related, language, options);
    const targets = backlog.filter((entry) => entry.language === language);
    for (let start = 0; start < targets.length && !options.shouldStop?.(); start += options.pageSize) {
      const page = targets.slice(start, start + options.pageSize);
      ranked += await related.transaction(async (unit) => {
        const statements = unit.get(BulkIndexStatements);
        const lists = rankInMemory(index, page, options.topicsOf);
        await statements.replaceLists(lists);
        const done = page.filter((entry) => lists.has(entry.articleId));
        const neighbours = await neighboursToRankAgain(done, lists, statements, (id) => settled.has(id));
        if (neighbours.length) await statements.enqueueNeighbours(neighbours, options.now());
        await statements.dequeue(done);
        return done.length;
      });
      options.onBatch?.(ranked);
      await options.pause?.();
    }
  }
  return ranked;
}

/** Pass 3 for one page of targets: their candidates from memory, ranked as rankAgainstIndex ranks. */
export function rankInMemory(index: LanguageIndex, page: readonly QueueEntry[], topicsOf?: TopicsOf): Map<number, RelatedResult[]> {
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

/** Pass 1. Answers the published backlog, by article id. */
async function countTerms(related: RelatedRepository, options: BulkOptions): Promise<BacklogEntry[]> {
  const backlog: BacklogEntry[] = [];
  let after = 0;
  while (!options.shouldStop?.()) {
    const page = await related.transaction(async (unit) => {
      const statements = unit.get(BulkIndexStatements);
      const entries = await statements.queuePage(after, options.pageSize);
      if (!entries.length) return entries;
      const ids = entries.map((entry) => entry.articleId);
      const [previous, sources] = [await statements.previousTermSets(ids), await statements.sources(ids)];
      const counts = new DocumentCounts();
      const saved: Array<{ id: number; language: string; terms: string[]; indexedAt: number }> = [];
      const gone: QueueEntry[] = [];
      for (const entry of entries) {
        const before = previous.get(entry.articleId);
        if (before) counts.add(before.language, before.terms, -1);
        const source = sources.get(entry.articleId);
        if (!isPublished(source)) {
          gone.push(entry);
          continue;
        }
        const terms = [...new Set(tokensOf(source))].sort(compareTerms);
        counts.add(source.language, terms, 1);
        saved.push({ id: source.id, language: source.language, terms, indexedAt: Math.max(options.now().getTime(), (before?.indexedAt ?? 0) + 1) });
        backlog.push({ ...entry, language: source.language });
      }
      await statements.applyTermDeltas(counts.termDeltas());
      await statements.applyDocDeltas(counts.docDeltas);
      await statements.saveTermSets(saved);
      if (gone.length) {
        const goneIds = gone.map((entry) => entry.articleId);
        await statements.replaceProfiles(goneIds, new Map());
        await statements.forget(goneIds);
        const owners = await statements.ownersOf(goneIds);
        await statements.removeFromLists(goneIds);
        if (owners.length) await statements.enqueueNeighbours(owners, options.now());
        await statements.dequeue(gone);
      }
      return entries;
    });
    if (!page.length) break;
    after = page[page.length - 1].articleId;
    await options.pause?.();
  }
  return backlog;
}

/** Pass 2: profiles with the final document frequencies. */
async function profileAll(related: RelatedRepository, backlog: readonly BacklogEntry[], options: BulkOptions): Promise<void> {
  let profiled = 0;
  for (let start = 0; start < backlog.length && !options.shouldStop?.(); start += options.pageSize) {
    const ids = backlog.slice(start, start + options.pageSize).map((entry) => entry.articleId);
    await related.transaction(async (unit) => {
      const statements = unit.get(BulkIndexStatements);
      const reads = related.on(unit);
      const [sources, previous] = [await statements.sources(ids), await statements.previousTermSets(ids)];
      const published = ids.filter((id) => isPublished(sources.get(id)) && previous.has(id));
      const tokens = new Map(published.map((id) => [id, tokensOf(sources.get(id)!)]));
      const languages = [...new Set(published.map((id) => sources.get(id)!.language))].sort();
      const df = new Map<string, number>();
      for (const language of languages) {
        const terms = new Set(published.filter((id) => sources.get(id)!.language === language).flatMap((id) => tokens.get(id)!));
        for (const [term, value] of await reads.termFrequencies(language, [...terms])) df.set(termKey(language, term), value);
      }
      const docs = await reads.languageDocs(languages);
      const profiles = new Map<number, TermWeight[]>();
      const touched: Array<{ id: number; indexedAt: number }> = [];
      for (const id of published) {
        const language = sources.get(id)!.language;
        profiles.set(id, buildTermProfile(tokens.get(id)!, (term) => df.get(termKey(language, term)) ?? 0, docs.get(language) ?? 0));
        // A new version: anything that cached the profile-less row of pass 1 reads it again.
        touched.push({ id, indexedAt: previous.get(id)!.indexedAt + 1 });
      }
      await statements.replaceProfiles(published, profiles);
      await statements.touchIndexed(touched);
      // Not put in the profile cache: pass 3 ranks from its LanguageIndex, and a backlog's
      // profiles would fill the cache (5 million terms, some 250 MB) mostly to be evicted unread.
    });
    profiled += ids.length;
    options.onProfiled?.(profiled);
    await options.pause?.();
  }
}

const LOAD_PAGE = 5_000;

/** Every indexed article of `language` and its profile, page by page, and the df of its profiles' terms. */
async function loadLanguage(related: RelatedRepository, language: string, options: BulkOptions): Promise<LanguageIndex> {
  const index = new LanguageIndex();
  let after = 0;
  for (;;) {
    const done = await related.transaction(async (unit) => {
      const statements = unit.get(BulkIndexStatements);
      const { articles: rows, lastId: last } = await statements.indexedPage(language, after, LOAD_PAGE);
      if (last === null) return true;
      const first = after + 1;
      const profiles = new Map<number, TermWeight[]>();
      for (const row of await statements.profileRows(language, first, last)) {
        const id = Number(row.article_id);
        let profile = profiles.get(id);
        if (!profile) profiles.set(id, (profile = []));
        profile.push({ term: row.term, weight: Number(row.weight) });
      }
      for (const row of rows) {
        // candidateIds joins article_terms: an article without a profile is never a candidate.
        const profile = profiles.get(row.id);
        if (profile) index.add({ ...inputFields(row), published: row.status === ArticleStatus.PUBLISHED }, profile);
      }
      after = last;
      return false;
    });
    await options.pause?.();
    if (done) break;
  }
  const df = new Map<string, number>();
  const vocabulary = index.vocabulary();
  for (let start = 0; start < vocabulary.length; start += 50_000) {
    await related.transaction(async (unit) => {
      const slice = vocabulary.slice(start, start + 50_000);
      for (const [term, value] of await related.on(unit).termFrequencies(language, slice)) df.set(term, value);
    });
    await options.pause?.();
  }
  index.seal((term) => df.get(term) ?? Number.POSITIVE_INFINITY);
  return index;
}
