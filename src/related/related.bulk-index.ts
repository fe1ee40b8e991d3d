import { isPublished } from '../articles/article.enums';
import type { ArticleCensus } from '../articles/article.repository';
import { Backlog, type BacklogEntry } from './related.backlog';
import { DocumentCounts, neighboursToRankAgain } from './related.index-batch';
import { BulkIndexStatements, type EncodedSavedTermSet, type IndexSource, type QueueEntry } from './related.index-writes';
import { CountedWrite, writeTermDeltas } from './related.counted-page';
import { LanguageIndex } from './related.memory-index';
import { profileBuilderHere, profileBuilderOnWorker, type ProfileBuilder } from './related.profile-builder';
import { rankInMemory } from './related.memory-ranking';
import { RankingPool } from './related.ranking-pool';
import { countOnThisThread, TermCountPool, type TermCounter } from './related.term-count-pool';
import { inputFields, type RelatedRepository } from './related.repository';
import type { RankingTopicModel } from '../topics/topics.ranking';
import type { RelatedResult, TopicsOf } from './related.types';
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
  /**
   * Articles per transaction of pass 1's writes (countPageSize unless given;
   * pages are still read and counted countPageSize at a time, their texts let
   * go once counted). Each write moves the df of every term its articles hold:
   * at a million articles, term_stats holds millions of terms and a write of
   * 5,000 touched most of its pages, so the count slowed as it grew (1,150
   * articles/s at 300,000 against 2,000 at first); 20,000 at a time kept it
   * near its first speed, 40,000 (the CLI's) faster still. A write holds its
   * pages' term sets and their document frequencies, added up page by page
   * as they are counted (CountedWrite): that memory bounds the size.
   */
  countWriteSize?: number;
  /**
   * SQLite's page cache while pass 1 runs, in bytes (the connection's own
   * unless given), put back as it was once it ends: with countWriteSize, what kept the count
   * of a 1,000,000-article archive from slowing as term_stats grew.
   */
  countCacheBytes?: number;
  /** Articles per transaction of pass 2's sweep (LOAD_PAGE unless given). */
  profilePageSize?: number;
  now: () => Date;
  /** Pass 1: how many backlog articles are counted so far. */
  onCounted?: (counted: number) => void;
  onProfiled?: (profiled: number) => void;
  /** When a language's profiling starts, its ranking starts, and its ranking is done (also with a stop). */
  onLanguage?: (language: string, step: LanguageStep) => void;
  onBatch?: (ranked: number) => void;
  shouldStop?: () => boolean;
  /** Between transactions (the server: requests run between them). */
  pause?: () => Promise<void>;
  /** Topic distributions from src/topics, as the incremental indexer gives them to the ranking. */
  topicsOf?: TopicsOf;
  /** The smallest backlog that drops the term index while profiles are written (DEFER_TERM_INDEX_BACKLOG). */
  deferTermIndexBacklog?: number;
  /**
   * Worker threads that tokenize and count terms for pass 1 (TermCountPool); 0 counts on this thread.
   * With any, pass 2 builds each language's profiles on a worker of their own instead (profileBuilderOnWorker).
   */
  countingWorkers?: number;
  /** Worker threads that rank (RankingPool); 0 ranks on this thread, between the server's requests. */
  rankingWorkers?: number;
  /** The smallest backlog of one language ranked by the workers (starting them costs a copy of its vocabulary and articles). */
  parallelFrom?: number;
  /** The language's topic model as plain data, for the workers (topicsOf's model). */
  rankingModel?: (language: string) => RankingTopicModel | null;
  /** The most articles two languages may have together for the next to be profiled while workers rank this one (OVERLAP_UNTIL). */
  overlapUntil?: number;
  /**
   * SQLite's foreign-key checks off while profiles and lists are written
   * (RelatedRepository.withoutForeignKeyChecks: each list row's related
   * article was a read of a random page of articles), what they guarded
   * checked once at the end (ReferenceCheck). For a connection that
   * only the build writes on (`habari reindex`): the server's requests write
   * on its one connection between the build's transactions.
   */
  checkReferencesAtEnd?: boolean;
}

export type LanguageStep = 'profiling' | 'ranking' | 'ranked';

export const PARALLEL_RANKING_FROM = 2_000;

/**
 * Profiling the next language while workers rank this one keeps both
 * languages' indexes in memory (about 2 KB an article: profiles, postings,
 * vocabulary, columns) beside the profiling worker. Up to this many articles
 * in the two, that is a few hundred MB and the build goes faster; above it
 * (the large languages of a 1,000,000-article archive) they take turns, so
 * memory is one language's index.
 */
export const OVERLAP_UNTIL = 150_000;

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
 * pass 1 and built once at the end (shouldDeferTermIndex); when it is the
 * whole index, so is the owner index (article_related by related_id): every
 * owner is ranked here, so none is asked. With worker threads (`habari
 * reindex`), tokenizing, building profiles and ranking run on them beside
 * this thread's SQL, and while they rank one language this thread profiles
 * the next (unless the two are large: OVERLAP_UNTIL).
 *
 * The lists equal what the incremental indexer computes for the same
 * profiles (tests/related.bulk.test.ts rebuilds them one article at a time
 * and compares). Memory is one language's profiles at a time (about 8 bytes
 * a term: 100,000 articles of 100 terms ~ 80 MB) plus its vocabulary and df.
 * A row queued again while this runs (its enqueued_at moved) stays queued for
 * the incremental indexer; so do the neighbours this queues. Answers how many
 * backlog articles were ranked.
 */
export async function bulkIndex(related: RelatedRepository, options: BulkOptions): Promise<number> {
  const backlog = await counting(options, async (counter) => {
    if (!options.countCacheBytes) return countTerms(related, options, counter);
    const putBack = await related.widenPageCache(options.countCacheBytes);
    try {
      return await countTerms(related, options, counter);
    } finally {
      await putBack();
    }
  });
  if (options.shouldStop?.()) return 0;
  // One sweep of related_index for every language's count (each language's own COUNT swept the whole table).
  const indexedByLanguage = await related.transaction(async (unit) => unit.get(BulkIndexStatements).indexedCountsByLanguage());
  const indexed = [...indexedByLanguage.values()].reduce((sum, count) => sum + count, 0);
  const termIndexDeferred = shouldDeferTermIndex(backlog.length, indexed, options.deferTermIndexBacklog);
  // Every indexed article is in the backlog (a first load, reindex --all): each list's owner is ranked here.
  const wholeIndex = termIndexDeferred && backlog.length >= indexed;
  if (termIndexDeferred) await related.dropTermIndex();
  if (wholeIndex) await related.dropOwnerIndex();
  let ranked = 0;
  let profiled = 0;
  const languages = backlog.languages();
  const unchecked = options.checkReferencesAtEnd ? await ReferenceCheck.deferred(related) : null;
  const load = (language: string) =>
    profileAndLoadLanguage(related, language, indexedByLanguage.get(language) ?? 0, backlog, options, (count) => options.onProfiled?.((profiled += count)));
  // While workers rank one language, this thread profiles and loads the next (its transactions wait their
  // turn), when the two are small enough to be in memory together (OVERLAP_UNTIL).
  let loadingNext: Promise<LanguageIndex> | null = null;
  try {
    for (const [position, language] of languages.entries()) {
      if (options.shouldStop?.()) break;
      const targets = backlog.positionsOf(language);
      let index: LanguageIndex | undefined = await (loadingNext ?? load(language));
      loadingNext = null;
      options.onLanguage?.(language, 'ranking');
      const workers = targets.length >= (options.parallelFrom ?? PARALLEL_RANKING_FROM) ? (options.rankingWorkers ?? 0) : 0;
      const pool = workers > 0 ? RankingPool.start(index, language, options.rankingModel?.(language) ?? null, workers) : null;
      const rankPage = pool ? onWorkers(pool) : onThisThread(index, options.topicsOf);
      const next = languages[position + 1];
      const overlap = next !== undefined && index.size + backlog.positionsOf(next).length <= (options.overlapUntil ?? OVERLAP_UNTIL);
      index = undefined; // with workers, nothing here keeps its articles (see onWorkers)
      if (pool && overlap) {
        loadingNext = load(next);
        loadingNext.catch(() => undefined); // awaited at the next language, or in the finally below
      }
      try {
        ranked = await rankLanguage(related, backlog, targets, rankPage, pool?.size ?? 0, options, ranked, wholeIndex, unchecked);
      } finally {
        // Pages ranked ahead of a stop are dropped: they stay queued.
        await pool?.close();
        options.onLanguage?.(language, 'ranked');
      }
    }
  } finally {
    // A stop or a failure while ranking: the next language's loading finishes its page before this returns.
    await loadingNext?.catch(() => undefined);
    await unchecked?.end(related, backlog, options.now());
  }
  if (wholeIndex) await requeueIndexedElsewhere(related, backlog, options);
  // Built once, with every profile and list in place; a build that stopped leaves them to the next drain (RelatedIndexer).
  if (termIndexDeferred && !options.shouldStop?.()) await related.restoreBuildIndexes();
  return ranked;
}

/** Runs a counting pass with its counter: its workers live only as long as the pass. */
async function counting<T>(options: BulkOptions, pass: (counter: TermCounter) => Promise<T>): Promise<T> {
  const counter = options.countingWorkers ? TermCountPool.start(options.countingWorkers) : countOnThisThread;
  try {
    return await pass(counter);
  } finally {
    await counter.close();
  }
}

/**
 * Pass 3 for one language: its backlog (`targets`, positions in `backlog`)
 * ranked a page at a time, each page's lists written (and their neighbours
 * queued) in a transaction. Answers `rankedBefore` plus the articles ranked here.
 */
async function rankLanguage(
  related: RelatedRepository,
  backlog: Backlog,
  targets: Int32Array,
  rankPage: PageRanker,
  workers: number,
  options: BulkOptions,
  rankedBefore: number,
  ownersRanked: boolean,
  unchecked: ReferenceCheck | null,
): Promise<number> {
  let ranked = rankedBefore;
  const pageCount = Math.ceil(targets.length / options.pageSize);
  const pageAt = (n: number) => backlog.entries(targets.subarray(n * options.pageSize, (n + 1) * options.pageSize));
  // Workers rank the next pages while this thread writes the lists of the current one.
  // A page's entry is dropped once its lists are written: kept, a language's lists (about 6 KB an
  // article with their reasons) stayed on the heap until its last page, 730 MB for 122,000 articles.
  const ranking: Array<Promise<Map<number, RelatedResult[]>> | null> = [];
  const ahead = workers ? workers * 2 : 1;
  for (let at = 0; at < pageCount && !options.shouldStop?.(); at++) {
    while (ranking.length < Math.min(pageCount, at + ahead)) {
      const lists = rankPage(pageAt(ranking.length));
      lists.catch(() => undefined); // a page ranked ahead may fail (or be dropped) before it is awaited
      ranking.push(lists);
    }
    const lists = (await ranking[at])!;
    ranking[at] = null;
    const page = pageAt(at);
    ranked += await related.transaction(async (unit) => {
      const statements = unit.get(BulkIndexStatements);
      await statements.replaceLists(lists);
      const done = page.filter((entry) => lists.has(entry.articleId));
      // The whole backlog is settled: ranked in this build, whatever its language.
      const neighbours = await neighboursToRankAgain(done, lists, statements, (id) => backlog.has(id), ownersRanked);
      if (neighbours.length) await statements.enqueueNeighbours(neighbours, options.now());
      unchecked?.noteNamed(lists, neighbours);
      await statements.dequeue(done);
      return done.length;
    });
    options.onBatch?.(ranked);
    await options.pause?.();
  }
  return ranked;
}

/**
 * What the foreign keys guarded while a build writes without their checks
 * (BulkOptions.checkReferencesAtEnd): no row may name an article that is
 * gone. Only another process can delete one meanwhile (its own deletes take
 * out the rows already written, with their checks on), so the build counts
 * the articles before and after: only when one went missing does it look for
 * which, among the backlog and the articles its lists and queue rows named,
 * and take them out as the count takes out unpublished articles (their lists'
 * owners queued again). A build whose process dies in between leaves rows
 * naming such an article to the readers, which skip articles that are gone.
 */
class ReferenceCheck {
  /** The articles named by list and queue rows, by id (a byte each, grown as needed). */
  private named: Uint8Array = new Uint8Array(1024);

  private constructor(
    private readonly before: ArticleCensus,
    private readonly putBack: () => Promise<void>,
  ) {}

  /** Turns the checks off and counts the articles; null where the database keeps its checks (PostgreSQL). */
  static async deferred(related: RelatedRepository): Promise<ReferenceCheck | null> {
    const putBack = await related.withoutForeignKeyChecks();
    if (!putBack) return null;
    try {
      // Counted after: an article deleted before is gone before the first unchecked write could name it.
      return new ReferenceCheck(await related.transaction(async (unit) => unit.get(BulkIndexStatements).articleCensus()), putBack);
    } catch (error) {
      await putBack();
      throw error;
    }
  }

  noteNamed(lists: ReadonlyMap<number, readonly RelatedResult[]>, queued: readonly number[]): void {
    for (const list of lists.values()) for (const { id } of list) this.note(id);
    for (const id of queued) this.note(id);
  }

  /** Turns the checks back on, then takes out what names an article deleted since the census. */
  async end(related: RelatedRepository, backlog: Backlog, now: Date): Promise<void> {
    await this.putBack();
    await related.transaction(async (unit) => {
      const statements = unit.get(BulkIndexStatements);
      const after = await statements.articleCensus();
      const made = await statements.articlesAfter(this.before.highest);
      if (this.before.count + made === after.count) return;
      const named = new Set(backlog.ids());
      this.named.forEach((marked, id) => marked && named.add(id));
      const gone = await statements.missingArticles([...named].sort((a, b) => a - b));
      if (!gone.length) return;
      await statements.replaceProfiles(gone, new Map());
      const owners = await statements.leaveIndex(gone);
      await statements.unqueue(gone);
      if (owners.length) await statements.enqueueNeighbours(owners, now);
    });
  }

  private note(id: number): void {
    if (id >= this.named.length) this.named = grownBytes(this.named, id);
    this.named[id] = 1;
  }
}

type PageRanker = (page: readonly BacklogEntry[]) => Promise<Map<number, RelatedResult[]>>;

// Two functions, so that with workers nothing on this thread holds the index (the workers share its
// arrays; its interner's lookup tables are this thread's alone): a closure beside one that used
// `index` would keep it alive.
function onWorkers(pool: RankingPool): PageRanker {
  return (page) => pool.rank(page.map((entry) => entry.articleId));
}

function onThisThread(index: LanguageIndex, topicsOf: TopicsOf | undefined): PageRanker {
  return (page) => Promise.resolve(rankInMemory(index, page, topicsOf));
}

/**
 * After a whole-index build, which asked no owners: articles indexed
 * meanwhile by another process (not in the backlog) may list backlog
 * articles with the scores of their old profiles, so they are queued again.
 * Usually there are none: one sweep of related_index's ids.
 */
async function requeueIndexedElsewhere(related: RelatedRepository, backlog: Backlog, options: BulkOptions): Promise<void> {
  for (let after = 0; ; ) {
    const found = await related.transaction(async (unit) => {
      const statements = unit.get(BulkIndexStatements);
      const ids = await statements.indexedIds(after, ID_SWEEP_PAGE);
      const elsewhere = ids.filter((id) => !backlog.has(id));
      if (elsewhere.length) await statements.enqueueNeighbours(elsewhere, options.now());
      return ids;
    });
    if (found.length < ID_SWEEP_PAGE) return;
    after = found[found.length - 1];
  }
}

const ID_SWEEP_PAGE = 20_000;

/** A backlog this large, most of the index, writes its profiles without the term index (dropTermIndex). */
export const DEFER_TERM_INDEX_BACKLOG = 20_000;

/** Whether to drop the term index: the backlog is large and is most of the indexed articles (a first load, reindex --all). */
export function shouldDeferTermIndex(backlog: number, indexed: number, smallest = DEFER_TERM_INDEX_BACKLOG): boolean {
  return backlog >= smallest && backlog * 2 >= indexed;
}

/**
 * Pass 1. Answers the published backlog, by article id. Each page is read in
 * a short transaction of its own and its texts counted (on the workers) while
 * the previous pages' counts are written, countWriteSize articles a transaction.
 */
async function countTerms(related: RelatedRepository, options: BulkOptions, counter: TermCounter): Promise<Backlog> {
  const backlog = new Backlog();
  const pageSize = options.countPageSize ?? options.pageSize;
  const writeSize = Math.max(pageSize, options.countWriteSize ?? pageSize);
  // Pages read and being counted beyond the one awaited: the workers keep counting through a long write.
  const ahead: CountPage[] = [];
  let readUpTo = 0;
  let allRead = false;
  const readAhead = async () => {
    while (!allRead && ahead.length < COUNT_PAGES_AHEAD) {
      const page = await readCountPage(related, readUpTo, pageSize, counter);
      if (page.entries.length === 0) allRead = true;
      else {
        readUpTo = page.entries[page.entries.length - 1].articleId;
        ahead.push(page);
      }
    }
  };
  await readAhead();
  while (ahead.length && !options.shouldStop?.()) {
    // Counted pages are held (their texts let go, their counts added up as they come) until a write's worth is counted.
    const held: Array<{ entries: QueueEntry[]; sources: Map<number, CountedSource> }> = [];
    const counted = new CountedWrite();
    let heldArticles = 0;
    do {
      const read = ahead.shift()!;
      await readAhead();
      held.push({ entries: read.entries, sources: countedSources(read.sources) });
      counted.add(await read.counts);
      heldArticles += read.entries.length;
    } while (heldArticles < writeSize && ahead.length && !options.shouldStop?.());
    const page = { entries: held.flatMap((one) => one.entries), sources: new Map(held.flatMap((one) => [...one.sources])) };
    held.length = 0;
    await related.transaction(async (unit) => {
      const statements = unit.get(BulkIndexStatements);
      const previous = await statements.previousTermSets(page.entries.map((entry) => entry.articleId));
      // The sets these articles were counted with before (an edit, reindex --all) leave the df first.
      const uncounted = new DocumentCounts();
      const saved: EncodedSavedTermSet[] = [];
      const gone: QueueEntry[] = [];
      for (const entry of page.entries) {
        const before = previous.get(entry.articleId);
        if (before) uncounted.add(before.language, before.terms, -1);
        const source = page.sources.get(entry.articleId);
        if (!isPublished(source)) {
          gone.push(entry);
          continue;
        }
        const { terms, counts } = counted.sets.get(source.id)!;
        uncounted.docDeltas.set(source.language, (uncounted.docDeltas.get(source.language) ?? 0) + 1);
        // The tallies go with the set: pass 2 builds the profile from them (countedTerms), not from the text again.
        saved.push({ id: source.id, language: source.language, terms, counts, indexedAt: Math.max(options.now().getTime(), (before?.indexedAt ?? 0) + 1) });
        backlog.push(entry, source.language);
      }
      await statements.addTermDeltas(writeTermDeltas(counted.documentFrequencies(), uncounted));
      await statements.applyDocDeltas(uncounted.docDeltas);
      await statements.saveEncodedTermSets(saved);
      if (gone.length) {
        const goneIds = gone.map((entry) => entry.articleId);
        await statements.replaceProfiles(goneIds, new Map());
        const owners = await statements.leaveIndex(goneIds);
        if (owners.length) await statements.enqueueNeighbours(owners, options.now());
        await statements.dequeue(gone);
      }
    });
    options.onCounted?.(backlog.length);
    await options.pause?.();
  }
  return backlog;
}

/** Pass 1's pages read (and sent to be counted) beyond the one it waits for. */
const COUNT_PAGES_AHEAD = 2;

type CountPage = Awaited<ReturnType<typeof readCountPage>>;

/** What pass 1's writes need of a counted article: not its text. */
type CountedSource = Pick<IndexSource, 'id' | 'language' | 'status'>;

function countedSources(sources: ReadonlyMap<number, IndexSource>): Map<number, CountedSource> {
  return new Map([...sources].map(([id, { language, status }]) => [id, { id, language, status }]));
}

/**
 * A page of the queue with its articles, read apart from the writes (an
 * article edited meanwhile is queued again, so the stale read is redone by
 * the indexer), and its published texts sent to be counted.
 */
async function readCountPage(related: RelatedRepository, after: number, limit: number, counter: TermCounter) {
  const { entries, sources } = await related.transaction(async (unit) => {
    const statements = unit.get(BulkIndexStatements);
    const entries = await statements.queuePage(after, limit);
    return { entries, sources: await statements.sources(entries.map((entry) => entry.articleId)) };
  });
  return { entries, sources, counts: droppable(counter.countPage([...sources.values()].filter(isPublished))) };
}

/** Work started ahead that may be dropped unread (a build that stops): its failure must not go unhandled. */
function droppable<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

const LOAD_PAGE = 2_000;
const VOCABULARY_SLICE = 50_000;
/** term_stats rows read per statement while a language's document frequencies are loaded. */
const FREQUENCY_PAGE = 20_000;

/**
 * Passes 2 and 3's loading for one language, in one sweep of its indexed
 * articles by id: a backlog article gets its profile from its term counts
 * with the final document frequencies (written, and its indexed_at moved so
 * anything that cached the profile-less row of pass 1 reads it again); any
 * other article (indexed before, or unpublished since it was counted)
 * brings its stored profile. Each goes straight into the LanguageIndex, so
 * the backlog's profiles are never read back. As in pass 1, the next page
 * is read while this one is written. `indexed` (the language's rows in
 * related_index) sizes the index's arrays.
 */
async function profileAndLoadLanguage(
  related: RelatedRepository,
  language: string,
  indexed: number,
  backlog: Backlog,
  options: BulkOptions,
  onProfiled: (count: number) => void,
): Promise<LanguageIndex> {
  options.onLanguage?.(language, 'profiling');
  const docs = await related.transaction(async (unit) => (await related.on(unit).languageDocs([language])).get(language) ?? 0);
  // The worker lives as long as the language's profiling: an idle one beside the ranking of a large
  // language would add its heap to the build's peak.
  const terms = expectedTerms(indexed);
  const builder = options.countingWorkers ? profileBuilderOnWorker(terms) : profileBuilderHere();
  try {
    await builder.begin(docs, terms);
    return await profileAndLoad(related, language, indexed, backlog, options, builder, onProfiled);
  } finally {
    await builder.close();
  }
}

/** A language's table of df ≥ 2 holds a few terms an article (LanguageFrequencies' starting size). */
const expectedTerms = (indexed: number) => indexed * 4;

async function profileAndLoad(
  related: RelatedRepository,
  language: string,
  indexed: number,
  backlog: Backlog,
  options: BulkOptions,
  builder: ProfileBuilder,
  onProfiled: (count: number) => void,
): Promise<LanguageIndex> {
  const index = new LanguageIndex(undefined, undefined, { articles: indexed, terms: indexed * TERM_PROFILE.size });
  await loadFrequencies(related, language, builder, options);
  // Which vocabulary terms (by id) a profile built here has: pass 1 counted them, so term_stats holds them.
  let builtTerms: Uint8Array = new Uint8Array(Math.max(1024, indexed * 4));
  const queued = (id: number) => backlog.has(id, language);
  const pageSize = options.profilePageSize ?? LOAD_PAGE;
  let next = await readProfilePage(related, language, 0, pageSize, queued, builder);
  while (next.ids.length && !options.shouldStop?.()) {
    const page = next;
    // Read (and its profiles built, on a worker in the CLI) while this page is written.
    next = await readProfilePage(related, language, page.ids[page.ids.length - 1], pageSize, queued, builder);
    const profiles = await page.profiles;
    await related.transaction(async (unit) => {
      const statements = unit.get(BulkIndexStatements);
      const noteBuilt = (id: number) => {
        if (id >= builtTerms.length) builtTerms = grownBytes(builtTerms, id);
        builtTerms[id] = 1;
      };
      const fresh = page.ids.filter((id) => profiles.has(id));
      await statements.replaceProfiles(fresh, profiles);
      await statements.touchIndexed(fresh);
      const others = page.ids.filter((id) => !profiles.has(id));
      const [summaries, stored] = [await statements.summaries(others), await statements.storedProfiles(others)];
      for (const id of page.ids) {
        const built = profiles.has(id);
        const article = built ? page.sources.get(id) : summaries.get(id);
        // candidateIds joins article_terms: an article without a profile is never a candidate.
        const profile = profiles.get(id) ?? stored.get(id);
        if (article && profile) index.add({ ...inputFields(article), published: isPublished(article) }, profile, built ? noteBuilt : undefined);
      }
      onProfiled(fresh.length);
    });
    // Between pages the event loop turns: with the counts saved, this loop awaits nothing but
    // promises, and while workers rank the previous language their answers (and the lists this
    // thread writes from them) would otherwise wait until the whole language was profiled.
    await (options.pause ?? nextTurn)();
  }
  // Which profile terms the candidate search may use (df ≤ cap), once for the vocabulary rather than
  // for each profile's terms. A term the table lacks has a df of 1 if a profile built here has it (pass 1
  // counted it); a term only stored profiles have (articles indexed before this build) may have 0 (no
  // term_stats row: never a postings term), so term_stats tells.
  const dfById = new Int32Array(index.vocabularySize).fill(-1);
  const unknown: string[] = [];
  for (let start = 0; start < index.vocabularySize; start += VOCABULARY_SLICE) {
    const ids = Array.from({ length: Math.min(VOCABULARY_SLICE, index.vocabularySize - start) }, (_, at) => start + at);
    const terms = ids.map((id) => index.term(id));
    const frequencies = await builder.frequencies(terms);
    ids.forEach((id, at) => {
      if (frequencies[at] > 1 || builtTerms[id]) dfById[id] = frequencies[at];
      else unknown.push(terms[at]);
    });
  }
  for (let start = 0; start < unknown.length; start += VOCABULARY_SLICE) {
    const slice = unknown.slice(start, start + VOCABULARY_SLICE);
    const df = await related.transaction(async (unit) => related.on(unit).termFrequencies(language, slice));
    for (const [term, frequency] of df) dfById[index.termIdOf(term)!] = frequency;
    await options.pause?.();
  }
  index.seal((termId) => (dfById[termId] < 0 ? Number.POSITIVE_INFINITY : dfById[termId]));
  return index;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The language's document frequencies of two or more (LanguageFrequencies),
 * read from term_stats in pages by term, each in a short transaction, and
 * given to the builder (the next page is read while it takes one).
 */
async function loadFrequencies(related: RelatedRepository, language: string, builder: ProfileBuilder, options: BulkOptions): Promise<void> {
  let after = '';
  let adding: Promise<void> = Promise.resolve();
  for (;;) {
    const rows = await related.transaction(async (unit) => unit.get(BulkIndexStatements).sharedTermsPage(language, after, FREQUENCY_PAGE));
    await adding;
    adding = builder.addFrequencies(
      rows.map((row) => row.term),
      rows.map((row) => row.df),
    );
    if (rows.length < FREQUENCY_PAGE) return adding;
    after = rows[rows.length - 1].term;
    await (options.pause ?? nextTurn)();
  }
}

/**
 * A page of one language's indexed articles by id, with its published
 * backlog articles' summaries and their profiles, being built from the
 * counts pass 1 saved beside each term set (so no body is read or
 * tokenized again), or, for an article saved without them, from its text,
 * sent to be counted.
 */
async function readProfilePage(
  related: RelatedRepository,
  language: string,
  after: number,
  limit: number,
  queued: (id: number) => boolean,
  builder: ProfileBuilder,
) {
  const { ids, sources, saved, texts } = await related.transaction(async (unit) => {
    const statements = unit.get(BulkIndexStatements);
    const ids = await statements.indexedIds(after, limit, language);
    const sources = await statements.summaries(ids.filter(queued));
    const published = [...sources.values()].filter(isPublished).map((article) => article.id);
    const saved = await statements.countedTerms(published);
    const texts = await statements.sources(published.filter((id) => !saved.has(id)));
    return { ids, sources, saved, texts };
  });
  return { ids, sources, profiles: droppable(builder.build(saved, [...texts.values()])) };
}

/** A copy of `array` long enough for index `at`, the new places 0. */
function grownBytes(array: Uint8Array, at: number): Uint8Array {
  const bigger = new Uint8Array(Math.max(at + 1, Math.ceil(array.length * 1.5)));
  bigger.set(array);
  return bigger;
}
