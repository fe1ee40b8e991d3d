import { availableParallelism } from 'node:os';
import type { DataSource, EntityManager } from 'typeorm';
import type { Article } from '../articles/article.entity';
import { ArticleStatus } from '../articles/article.enums';
import { ArticleRepository } from '../articles/article.repository';
import { runBackgroundUnitOfWork } from '../db/background-transaction';
import { chunked, dialectOf, indexLookupSql, marks, runSql } from '../db/sql';
import type { UnitOfWork } from '../db/unit-of-work';
import { backgroundSql } from '../db/statement-counter';
import { CONFLICT_REPLAYS, WriterLock } from '../db/writer-locks';
import type { LanguageCode } from '../languages/language.catalogue';
import { compareTerms } from './related.profile';
import { POSTINGS_DF_CAP, SEARCH_TERMS } from './related.weights';
import { ProfileCache } from './related.profile-cache';
import type { RelatedInput, RelatedReason, TermWeight } from './related.types';

/** One entry of an article's precomputed list, in position order. */
export interface StoredRelated {
  relatedId: number;
  score: number;
  reasons: RelatedReason[];
}

type Runner = DataSource | EntityManager;

const IN_LIST = 500;
const TERM_INDEX_RECHECK_MS = 5_000;
/** Helper threads for an index build's sort (sortOnHelperThreads): four were no faster than two on two cores. */
const MAX_SORT_THREADS = 4;
/** The candidate search's postings (candidateIdsOf): article_terms by term. */
const TERM_INDEX = 'ix_article_terms_term';
const CREATE_TERM_INDEX = `CREATE INDEX IF NOT EXISTS ${TERM_INDEX} ON article_terms (term, article_id)`;
/**
 * Whose lists name an article (ownersOf): article_related by related_id. A
 * whole-archive bulk build ranks every owner itself, so it asks no owners
 * and drops this index while it writes the lists (dropOwnerIndex).
 */
const OWNER_INDEX = 'ix_article_related_related';
const CREATE_OWNER_INDEX = `CREATE INDEX IF NOT EXISTS ${OWNER_INDEX} ON article_related (related_id)`;
const TERMS_PER_STATEMENT = 5_000;
/** Targets per candidate statement (each brings 66 parameters). */
const CANDIDATE_TARGETS = 20;

/**
 * The related-articles index, read side; `on(unit)` gives the same reads
 * inside the indexer's unit of work. Everything here is a read except the
 * queue inserts, which writers call in their own transaction. Articles
 * themselves load through ArticleRepository.
 */
export class RelatedRepository {
  private readonly articles: ArticleRepository;
  private lastTransaction: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Runner,
    private readonly profiles = new ProfileCache(),
  ) {
    this.articles = new ArticleRepository(db);
  }

  /** The same repository bound to a unit of work's transaction, sharing the profile cache. */
  on(unit: UnitOfWork): RelatedRepository {
    return unit.bind(this, (manager) => new RelatedRepository(manager, this.profiles));
  }

  /** What the indexer just wrote, so ranking the next articles need not read it back. */
  rememberProfile(articleId: number, indexedAt: number, profile: readonly TermWeight[]): void {
    this.profiles.set(articleId, indexedAt, profile);
  }

  /**
   * The indexer's units of work: background transactions, kept out of
   * per-request statement counts. One at a time, in the order asked: on
   * SQLite they share the one connection, and a bulk build profiles one
   * language while it writes the lists of another. Across processes and
   * instances they take turns too (WriterLock.relatedIndex). Work that only
   * touches the database says `replaySafe`, and is run again if PostgreSQL
   * rolls it back to break a deadlock (with a writer that takes no lock: an
   * older instance during a rolling upgrade, a request's transaction).
   */
  transaction<T>(work: (unit: UnitOfWork) => Promise<T>, options: { replaySafe?: boolean } = {}): Promise<T> {
    const background = { lock: WriterLock.relatedIndex, retries: options.replaySafe ? CONFLICT_REPLAYS : 0 };
    const run = this.lastTransaction.then(() => runBackgroundUnitOfWork(this.db, work, background));
    this.lastTransaction = run.catch(() => undefined);
    return run;
  }

  /**
   * Stored lists of the given articles. An article missing from the map has
   * not been indexed yet (queued); an indexed article with nothing related
   * maps to []. One statement per 500 ids.
   */
  async storedLists(ids: readonly number[]): Promise<Map<number, StoredRelated[]>> {
    const lists = new Map<number, StoredRelated[]>();
    for (const chunk of chunked(ids, IN_LIST)) {
      const rows = await runSql(
        this.db,
        `SELECT ri.article_id, ar.related_id, ar.score, ar.reasons FROM related_index ri
         LEFT JOIN article_related ar ON ar.article_id = ri.article_id
         WHERE ri.article_id IN (${marks(chunk.length)}) ORDER BY ri.article_id, ar.position`,
        chunk,
      );
      for (const row of rows) {
        const id = Number(row.article_id);
        let list = lists.get(id);
        if (!list) lists.set(id, (list = []));
        if (row.related_id != null) list.push({ relatedId: Number(row.related_id), score: Number(row.score), reasons: JSON.parse(row.reasons as string) });
      }
    }
    return lists;
  }

  /** Document frequencies of `terms` in one language; terms no indexed article has are absent. */
  async termFrequencies(language: string, terms: readonly string[]): Promise<Map<string, number>> {
    const df = new Map<string, number>();
    // Large slices: ranking a list of fresh articles reads thousands of terms, in one statement per language.
    for (const chunk of chunked(terms, TERMS_PER_STATEMENT)) {
      const rows = await runSql<{ term: string; df: number }>(
        this.db,
        `SELECT term, df FROM term_stats WHERE language = ? AND term IN (${marks(chunk.length)})`,
        [language, ...chunk],
      );
      for (const row of rows) df.set(row.term, Number(row.df));
    }
    return df;
  }

  /** How many articles of each language are indexed (the N of idf). */
  async languageDocs(languages: readonly string[]): Promise<Map<string, number>> {
    if (!languages.length) return new Map();
    const rows = await runSql<{ language: string; docs: number }>(
      this.db,
      `SELECT language, docs FROM language_stats WHERE language IN (${marks(languages.length)})`,
      [...languages],
    );
    return new Map(rows.map((row) => [row.language, Number(row.docs)]));
  }

  /**
   * The `limit` indexed articles of `language` that share the most of
   * `profile`'s weight (the sum of its weights of the shared terms), read
   * from the term postings alone (ix_article_terms_term covers them; the
   * ranking computes the exact cosine afterwards). Terms in more than
   * POSTINGS_DF_CAP articles are left out of the search (not of the ranking):
   * they carry little weight, and their postings would make the search grow
   * with the archive; so are all but the SEARCH_TERMS heaviest terms. The
   * CROSS JOINs keep SQLite walking the few query terms first.
   */
  async candidateIds(language: string, profile: readonly TermWeight[], excludeId: number, limit: number): Promise<number[]> {
    return (await this.candidateIdsOf([{ id: excludeId, language, profile }], limit)).get(excludeId) ?? [];
  }

  /**
   * candidateIds for several targets: one statement per CANDIDATE_TARGETS
   * targets (each target's search is its own LIMITed sub-select, the same SQL
   * as for one), so ranking a list of articles is not a query per article.
   */
  async candidateIdsOf(targets: ReadonlyArray<{ id: number; language: string; profile: readonly TermWeight[] }>, limit: number): Promise<Map<number, number[]>> {
    const found = new Map<number, number[]>(targets.map(({ id }) => [id, []]));
    const searches = targets
      .map(({ id, language, profile }) => ({ id, language, heaviest: [...profile].sort((a, b) => b.weight - a.weight || compareTerms(a.term, b.term)).slice(0, SEARCH_TERMS) }))
      .filter(({ heaviest }) => heaviest.length > 0);
    for (const chunk of chunked(searches, CANDIDATE_TARGETS)) {
      const selects = chunk.map(({ heaviest }) => {
        const values = heaviest.map(() => '(CAST(? AS VARCHAR(200)), CAST(? AS DOUBLE PRECISION))').join(', ');
        return `SELECT * FROM (WITH q (term, weight) AS (VALUES ${values})
          SELECT CAST(? AS INTEGER) AS target, t.article_id AS id, SUM(q.weight) AS dot
          FROM q CROSS JOIN term_stats s CROSS JOIN article_terms t CROSS JOIN related_index r
          WHERE s.language = ? AND s.term = q.term AND s.df <= ? AND t.term = q.term
            AND r.article_id = t.article_id AND r.language = ? AND t.article_id <> ?
          GROUP BY t.article_id ORDER BY dot DESC, t.article_id LIMIT ?) c`;
      });
      const params = chunk.flatMap(({ id, language, heaviest }) => [
        ...heaviest.flatMap(({ term, weight }) => [term, weight]),
        id,
        language,
        POSTINGS_DF_CAP,
        language,
        id,
        limit,
      ]);
      const rows = await runSql<{ target: number; id: number; dot: number }>(this.db, selects.join(' UNION ALL '), params);
      // UNION ALL promises no order: each target's rows are put back in its sub-select's (dot, then id).
      rows.sort((a, b) => Number(a.target) - Number(b.target) || Number(b.dot) - Number(a.dot) || Number(a.id) - Number(b.id));
      for (const row of rows) found.get(Number(row.target))!.push(Number(row.id));
    }
    return found;
  }

  /** Indexed, published articles as the ranking sees them: metadata and profile (cached; see ProfileCache). */
  async relatedInputs(ids: readonly number[]): Promise<RelatedInput[]> {
    const inputs: RelatedInput[] = [];
    for (const chunk of chunked([...new Set(ids)], IN_LIST)) {
      const indexed = await runSql<{ article_id: number; indexed_at: number }>(
        this.db,
        `SELECT article_id, indexed_at FROM related_index WHERE article_id IN (${marks(chunk.length)})`,
        chunk,
      );
      if (!indexed.length) continue;
      const indexedAt = new Map(indexed.map((row) => [Number(row.article_id), Number(row.indexed_at)]));
      const articles = await this.articles.findPublishedSummaries([...indexedAt.keys()]);
      const profiles = new Map<number, readonly TermWeight[]>();
      const missing: Array<{ id: number; indexedAt: number }> = [];
      for (const { id } of articles) {
        const version = indexedAt.get(id)!;
        const profile = this.profiles.get(id, version);
        if (profile) profiles.set(id, profile);
        else missing.push({ id, indexedAt: version });
      }
      if (missing.length) {
        const read = await this.readProfiles(missing.map(({ id }) => id));
        for (const { id, indexedAt: version } of missing) {
          const profile = read.get(id) ?? [];
          this.profiles.set(id, version, profile);
          profiles.set(id, profile);
        }
      }
      for (const article of articles) inputs.push({ ...inputFields(article), profile: profiles.get(article.id)! });
    }
    return inputs.sort((a, b) => a.id - b.id);
  }

  private async readProfiles(ids: readonly number[]): Promise<Map<number, TermWeight[]>> {
    const profiles = await readStoredProfiles(this.db, ids);
    for (const profile of profiles.values()) profile.sort((a, b) => b.weight - a.weight || compareTerms(a.term, b.term));
    return profiles;
  }

  /** Queues every published article with its neighbours: `habari reindex --all`. */
  async enqueueAllPublished(now: Date): Promise<number> {
    await runSql(
      this.db,
      `INSERT INTO related_queue (article_id, cascade_neighbours, enqueued_at)
       SELECT id, TRUE, CAST(? AS BIGINT) FROM articles WHERE status = ?
       ON CONFLICT (article_id) DO UPDATE SET cascade_neighbours = TRUE`,
      [now.getTime(), ArticleStatus.PUBLISHED],
    );
    return this.queuedCount();
  }

  /**
   * Whether the candidate search's term index exists: a bulk build that
   * rewrites most profiles drops it until it is done (dropTermIndex),
   * and without it every candidate search would scan all of article_terms.
   * Remembered for a few seconds: the live ranking asks on every request.
   */
  async termIndexReady(): Promise<boolean> {
    const now = Date.now();
    if (this.termIndexChecked && now - this.termIndexChecked.at < TERM_INDEX_RECHECK_MS) return this.termIndexChecked.ready;
    const ready = await this.indexExists(TERM_INDEX);
    this.termIndexChecked = { at: now, ready };
    return ready;
  }

  private termIndexChecked?: { at: number; ready: boolean };

  /**
   * Drops the candidate search's index over article_terms (term, article_id)
   * while a bulk build rewrites most profiles: each profile row would land on
   * a random page of it (at 100,000 articles, 32 GB written for a 2.6 GB
   * database), where building it once afterwards is one sort. Put back by
   * restoreBuildIndexes at the end of the build, or by the next drain if the
   * build stopped or its process died.
   */
  async dropTermIndex(): Promise<void> {
    await runSql(this.db, backgroundSql(`DROP INDEX IF EXISTS ${TERM_INDEX}`));
    this.termIndexChecked = { at: Date.now(), ready: false };
  }

  /**
   * Drops the owner index (article_related by related_id) while a bulk build
   * that holds every indexed article writes their lists: each list row landed
   * on a random page of it (at 100,000 articles, 7 of the 11 s the list rows
   * took on the build's SQL thread), where building it once afterwards is one
   * sort. Nothing asks it meanwhile but writers outside the build (an
   * article deleted: a full scan of article_related, still correct).
   */
  async dropOwnerIndex(): Promise<void> {
    await runSql(this.db, backgroundSql(`DROP INDEX IF EXISTS ${OWNER_INDEX}`));
  }

  /**
   * Builds the indexes a bulk build leaves out while it writes (the term and
   * owner indexes) if they are missing: it stopped, or its process died.
   */
  async restoreBuildIndexes(): Promise<void> {
    this.termIndexChecked = undefined;
    const putBack = await this.sortOnHelperThreads();
    try {
      for (const [name, create] of [
        [TERM_INDEX, CREATE_TERM_INDEX],
        [OWNER_INDEX, CREATE_OWNER_INDEX],
      ]) {
        if (!(await this.indexExists(name))) await runSql(this.db, backgroundSql(create));
      }
    } finally {
      await putBack();
    }
  }

  /**
   * SQLite sorts a CREATE INDEX on this thread alone unless `PRAGMA threads`
   * allows helpers: with two, the term index of a 100,000-article build
   * (10,000,000 rows) took 3.5 s instead of 5.1 s on two cores. Answers how
   * to put the setting back. PostgreSQL plans its own parallel builds.
   */
  private async sortOnHelperThreads(): Promise<() => Promise<void>> {
    if (dialectOf(this.db) !== 'sqlite') return async () => undefined;
    return this.setSqlitePragma('threads', Math.min(MAX_SORT_THREADS, availableParallelism()));
  }

  /** Sets a numeric SQLite pragma on this connection; answers how to put it back as it was. */
  private async setSqlitePragma(name: 'threads' | 'foreign_keys', value: number): Promise<() => Promise<void>> {
    const [row] = await runSql<Record<string, number>>(this.db, backgroundSql(`PRAGMA ${name}`));
    const before = Math.trunc(Number(row[name]));
    await runSql(this.db, backgroundSql(`PRAGMA ${name} = ${value}`));
    return async () => void (await runSql(this.db, backgroundSql(`PRAGMA ${name} = ${before}`)));
  }

  private async indexExists(name: string): Promise<boolean> {
    return (await runSql(this.db, backgroundSql(indexLookupSql(dialectOf(this.db))), [name])).length > 0;
  }

  /**
   * Turns SQLite's foreign-key checks off on this connection (between
   * transactions: SQLite ignores the setting inside one); answers how to put
   * them back as they were. Each row that names an article costs a read of
   * the articles table to check it, and a bulk build's list rows name
   * articles all over it: at 1,000,000 articles every check was a page read
   * from outside SQLite's cache. The caller then checks what the constraints
   * would have (ReferenceCheck in related.bulk-index.ts). PostgreSQL keeps
   * its checks: null.
   */
  async withoutForeignKeyChecks(): Promise<(() => Promise<void>) | null> {
    return dialectOf(this.db) === 'sqlite' ? this.setSqlitePragma('foreign_keys', 0) : null;
  }

  /**
   * SQLite's page cache on this connection widened to `bytes`; answers how to
   * put it back as it was, the rest of its memory given back. A bulk build's
   * count writes df changes across all of term_stats; with the usual cache
   * each write spilled and read the same pages again (BulkOptions.countCacheBytes).
   * PostgreSQL's buffers are the server's own: nothing to do.
   */
  async widenPageCache(bytes: number): Promise<() => Promise<void>> {
    if (dialectOf(this.db) !== 'sqlite') return async () => undefined;
    const [{ cache_size: before }] = await runSql<{ cache_size: number }>(this.db, 'PRAGMA cache_size');
    await runSql(this.db, `PRAGMA cache_size = ${-Math.ceil(bytes / 1024)}`);
    return async () => {
      await runSql(this.db, `PRAGMA cache_size = ${Math.trunc(Number(before))}`);
      await runSql(this.db, 'PRAGMA shrink_memory');
    };
  }

  async hasQueued(): Promise<boolean> {
    return (await runSql(this.db, backgroundSql('SELECT article_id FROM related_queue LIMIT 1'))).length > 0;
  }

  queuedCount(): Promise<number> {
    return relatedQueueLength(this.db);
  }
}

/** How many articles wait for the related indexer (topic training's change marker reads it too). */
export async function relatedQueueLength(db: Runner): Promise<number> {
  const [row] = await runSql<{ n: number }>(db, backgroundSql('SELECT COUNT(*) AS n FROM related_queue'));
  return Number(row.n);
}

/** The ranking's view of an article (everything but the profile). */
export function inputFields(article: Article): Omit<RelatedInput, 'profile'> {
  return {
    id: article.id,
    language: article.language as LanguageCode,
    categoryId: article.categoryId,
    sourceId: article.sourceId,
    tags: article.tags,
    publishedAt: article.publishedAt,
    contentHash: article.contentHash,
    title: article.title,
  };
}

/**
 * The stored profiles (article_terms) of `ids`, in the database's row order;
 * articles without one are absent. `background` keeps the statements out of
 * per-request counts (the indexer, topic training).
 */
export async function readStoredProfiles(db: Runner, ids: readonly number[], background = false): Promise<Map<number, TermWeight[]>> {
  const profiles = new Map<number, TermWeight[]>();
  for (const chunk of chunked(ids, IN_LIST)) {
    const sql = `SELECT article_id, term, weight FROM article_terms WHERE article_id IN (${marks(chunk.length)})`;
    const rows = await runSql<{ article_id: number; term: string; weight: number }>(db, background ? backgroundSql(sql) : sql, chunk);
    for (const row of rows) {
      const id = Number(row.article_id);
      let profile = profiles.get(id);
      if (!profile) profiles.set(id, (profile = []));
      // 32-bit, as every profile is built (profileFromCounts): a profile stored before that reads as the bulk build holds it.
      profile.push({ term: row.term, weight: Math.fround(Number(row.weight)) });
    }
  }
  return profiles;
}
