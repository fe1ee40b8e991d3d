import { ArticleStatus } from '../articles/article.enums';
import { DocumentCounts, neighboursToRankAgain } from './related.index-batch';
import { BulkIndexStatements, isPublished, type QueueEntry } from './related.index-writes';
import { tokensOf } from './related.live-ranking';
import { LanguageIndex } from './related.memory-index';
import { buildTermProfile, compareTerms } from './related.profile';
import { rankInMemory } from './related.memory-ranking';
import { RankingPool } from './related.ranking-pool';
import { inputFields, type RelatedRepository } from './related.repository';
import type { RankingTopicModel } from '../topics/topics.ranking';
import type { RelatedResult, TermWeight, TopicsOf } from './related.types';
import { TERM_PROFILE } from './related.weights';

export interface BulkOptions {
  /** Articles per transaction. */
  pageSize: number;
  /**
   * Articles per transaction of pass 1 (pageSize unless given): larger pages
   * move each common term's df once for more articles (the CLI counts 5,000
   * at a time; the server keeps its short transactions).
   */
  countPageSize?: number;
  now: () => Date;
  /** Pass 1: how many backlog articles are counted so far. */
  onCounted?: (counted: number) => void;
  onProfiled?: (profiled: number) => void;
  onBatch?: (ranked: number) => void;
  shouldStop?: () => boolean;
  /** Between transactions (the server: requests run between them). */
  pause?: () => Promise<void>;
  /** Topic distributions from src/topics, as the incremental indexer gives them to the ranking. */
  topicsOf?: TopicsOf;
  /** The smallest backlog that drops the term index while profiles are written (DEFER_TERM_INDEX_BACKLOG). */
  deferTermIndexBacklog?: number;
  /** Worker threads that rank (RankingPool); 0 ranks on this thread, between the server's requests. */
  rankingWorkers?: number;
  /** The smallest backlog of one language ranked by the workers (starting them costs a copy of its vocabulary and articles). */
  parallelFrom?: number;
  /** The language's topic model as plain data, for the workers (topicsOf's model). */
  rankingModel?: (language: string) => RankingTopicModel | null;
}

export const PARALLEL_RANKING_FROM = 2_000;

/** A backlog article that passed the count: ranked once every profile of the backlog exists. */
interface BacklogEntry extends QueueEntry {
  language: string;
}

/**
 * Builds the related index for a large backlog (a first load, an import,
 * `reindex --all`) in passes over the queue, each page its own transaction,
 * instead of ranking one batch at a time against SQL:
 *
 * 1. count: every queued article's unique terms move term_stats and
 *    language_stats as a batch would (the set is saved in related_index),
 *    articles no longer published leave the index;
 * then one language at a time:
 * 2. profile and load: with every document frequency final, each backlog
 *    profile is built once (a batch at a time would build early articles'
 *    profiles from a fraction of the archive's df, and rank them before their
 *    neighbours exist) and written; it and every other indexed article of the
 *    language go into a LanguageIndex (profiles in typed arrays, postings of
 *    the searchable terms);
 * 3. rank: each backlog article is ranked from the candidates it answers,
 *    with rankRelated, and its list written.
 *
 * When the backlog is most of the index, the term index is dropped after
 * pass 1 and built once at the end (shouldDeferTermIndex).
 *
 * The lists equal what the incremental indexer computes for the same
 * profiles (tests/related.bulk.test.ts rebuilds them one article at a time
 * and compares). Memory is one language's profiles at a time (about 12 bytes
 * a term: 100,000 articles of 100 terms ~ 120 MB) plus its vocabulary and df.
 * A row queued again while this runs (its enqueued_at moved) stays queued for
 * the incremental indexer; so do the neighbours this queues. Answers how many
 * backlog articles were ranked.
 */
export async function bulkIndex(related: RelatedRepository, options: BulkOptions): Promise<number> {
  const backlog = await countTerms(related, options);
  if (options.shouldStop?.()) return 0;
  const indexed = await related.transaction(async (unit) => unit.get(BulkIndexStatements).indexedCount());
  const termIndexDeferred = shouldDeferTermIndex(backlog.length, indexed, options.deferTermIndexBacklog);
  if (termIndexDeferred) await related.dropTermIndex();
  let ranked = 0;
  let profiled = 0;
  const languages = [...new Set(backlog.map((entry) => entry.language))].sort();
  const settled = new Set(backlog.map((entry) => entry.articleId));
  for (const language of languages) {
    if (options.shouldStop?.()) break;
    const targets = backlog.filter((entry) => entry.language === language);
    let index: LanguageIndex | undefined = await profileAndLoadLanguage(related, language, targets, options, (count) => options.onProfiled?.((profiled += count)));
    const workers = targets.length >= (options.parallelFrom ?? PARALLEL_RANKING_FROM) ? (options.rankingWorkers ?? 0) : 0;
    const pool = workers > 0 ? RankingPool.start(index, language, options.rankingModel?.(language) ?? null, workers) : null;
    const rankPage = pool ? onWorkers(pool) : onThisThread(index, options.topicsOf);
    index = undefined; // with workers, nothing here keeps its articles (see onWorkers)
    const pages: BacklogEntry[][] = [];
    for (let start = 0; start < targets.length; start += options.pageSize) pages.push(targets.slice(start, start + options.pageSize));
    // Workers rank the next pages while this thread writes the lists of the current one.
    const ranking: Array<Promise<Map<number, RelatedResult[]>>> = [];
    const ahead = pool ? pool.size * 2 : 1;
    try {
      for (let at = 0; at < pages.length && !options.shouldStop?.(); at++) {
        while (ranking.length < Math.min(pages.length, at + ahead)) {
          const lists = rankPage(pages[ranking.length]);
          lists.catch(() => undefined); // a page ranked ahead may fail (or be dropped) before it is awaited
          ranking.push(lists);
        }
        const lists = await ranking[at];
        const page = pages[at];
        ranked += await related.transaction(async (unit) => {
          const statements = unit.get(BulkIndexStatements);
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
    } finally {
      // Pages ranked ahead of a stop are dropped: they stay queued.
      await pool?.close();
    }
  }
  // Built once, with every profile in place; a build that stopped leaves it to the next drain (RelatedIndexer).
  if (termIndexDeferred && !options.shouldStop?.()) await related.restoreTermIndex();
  return ranked;
}

type PageRanker = (page: readonly BacklogEntry[]) => Promise<Map<number, RelatedResult[]>>;

// Two functions, so that with workers nothing on this thread holds the index's articles (the workers
// have their copies, and share its arrays): a closure beside one that used `index` would keep it alive.
function onWorkers(pool: RankingPool): PageRanker {
  return (page) => pool.rank(page.map((entry) => entry.articleId));
}

function onThisThread(index: LanguageIndex, topicsOf: TopicsOf | undefined): PageRanker {
  return (page) => Promise.resolve(rankInMemory(index, page, topicsOf));
}

/** A backlog this large, most of the index, writes its profiles without the term index (dropTermIndex). */
export const DEFER_TERM_INDEX_BACKLOG = 20_000;

/** Whether to drop the term index: the backlog is large and is most of the indexed articles (a first load, reindex --all). */
export function shouldDeferTermIndex(backlog: number, indexed: number, smallest = DEFER_TERM_INDEX_BACKLOG): boolean {
  return backlog >= smallest && backlog * 2 >= indexed;
}

/** Pass 1. Answers the published backlog, by article id. */
async function countTerms(related: RelatedRepository, options: BulkOptions): Promise<BacklogEntry[]> {
  const backlog: BacklogEntry[] = [];
  let after = 0;
  while (!options.shouldStop?.()) {
    const page = await related.transaction(async (unit) => {
      const statements = unit.get(BulkIndexStatements);
      const entries = await statements.queuePage(after, options.countPageSize ?? options.pageSize);
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
    options.onCounted?.(backlog.length);
    await options.pause?.();
  }
  return backlog;
}

const LOAD_PAGE = 2_000;
const VOCABULARY_SLICE = 50_000;

/**
 * Passes 2 and 3's loading for one language, in one sweep of its indexed
 * articles by id: a backlog article gets its profile from its text with the
 * final document frequencies (written, and its indexed_at moved so anything
 * that cached the profile-less row of pass 1 reads it again); any other
 * article (indexed before, or unpublished since it was counted) brings its
 * stored profile. Each goes straight into the LanguageIndex, so the
 * backlog's profiles are never read back.
 */
async function profileAndLoadLanguage(
  related: RelatedRepository,
  language: string,
  backlog: readonly BacklogEntry[],
  options: BulkOptions,
  onProfiled: (count: number) => void,
): Promise<LanguageIndex> {
  // Document frequencies are read per page, for the page's terms: a language's whole term_stats
  // can hold millions of terms (names, places), more than a heap should hold at once.
  const { docs, indexed } = await related.transaction(async (unit) => ({
    docs: (await related.on(unit).languageDocs([language])).get(language) ?? 0,
    indexed: await unit.get(BulkIndexStatements).indexedCountOf(language),
  }));
  const index = new LanguageIndex(undefined, undefined, undefined, { articles: indexed, terms: indexed * TERM_PROFILE.size });
  const queued = new Set(backlog.map((entry) => entry.articleId));
  let after = 0;
  for (;;) {
    const page = await related.transaction(async (unit) => {
      const statements = unit.get(BulkIndexStatements);
      const rows = await statements.indexedIdsPage(language, after, LOAD_PAGE);
      if (!rows.length) return rows;
      const sources = await statements.sources(rows.filter((row) => queued.has(row.id)).map((row) => row.id));
      const fresh = rows.filter((row) => isPublished(sources.get(row.id)));
      const tokens = new Map(fresh.map(({ id }) => [id, tokensOf(sources.get(id)!)]));
      const df = await related.on(unit).termFrequencies(language, [...new Set([...tokens.values()].flat())]);
      const profiles = new Map<number, TermWeight[]>();
      for (const { id } of fresh) profiles.set(id, buildTermProfile(tokens.get(id)!, (term) => df.get(term) ?? 0, docs));
      await statements.replaceProfiles(
        fresh.map((row) => row.id),
        profiles,
      );
      await statements.touchIndexed(fresh.map(({ id, indexedAt }) => ({ id, indexedAt: indexedAt + 1 })));
      const others = rows.filter((row) => !profiles.has(row.id)).map((row) => row.id);
      const [summaries, stored] = [await statements.summaries(others), await statements.storedProfiles(others)];
      for (const { id } of rows) {
        const article = profiles.has(id) ? sources.get(id) : summaries.get(id);
        // candidateIds joins article_terms: an article without a profile is never a candidate.
        const profile = profiles.get(id) ?? stored.get(id);
        if (article && profile) index.add({ ...inputFields(article), published: article.status === ArticleStatus.PUBLISHED }, profile);
      }
      onProfiled(fresh.length);
      return rows;
    });
    await options.pause?.();
    if (!page.length) break;
    after = page[page.length - 1].id;
  }
  // Which profile terms the candidate search may use (df ≤ cap), read a slice of the vocabulary at a time.
  const vocabulary = index.vocabulary();
  const dfById = new Int32Array(vocabulary.length).fill(-1); // -1: no df (not in term_stats)
  for (let start = 0; start < vocabulary.length; start += VOCABULARY_SLICE) {
    const slice = vocabulary.slice(start, start + VOCABULARY_SLICE);
    const frequencies = await related.transaction(async (unit) => related.on(unit).termFrequencies(language, slice));
    slice.forEach((term, offset) => (dfById[start + offset] = frequencies.get(term) ?? -1));
    await options.pause?.();
  }
  index.seal((termId) => (dfById[termId] < 0 ? Number.POSITIVE_INFINITY : dfById[termId]));
  return index;
}
