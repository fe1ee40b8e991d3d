import type { EntityManager } from 'typeorm';
import type { Article } from '../articles/article.entity';
import { ArticleRepository, type ArticleCensus } from '../articles/article.repository';
import { chunked, dialectOf, marks, runSql, sqlBoolean } from '../db/sql';
import { readStoredProfiles } from './related.repository';
import type { SavedCounts } from './related.profile-builder';
import type { LanguageTermDeltas } from './related.counted-page';
import type { RelatedResult, TermWeight } from './related.types';

/** A queued article and whether its neighbours must follow it. */
export interface QueueEntry {
  articleId: number;
  cascade: boolean;
  /** Moves on every write of the article: tells a queue row from the same row queued again. */
  enqueuedAt: number;
}

/** What the indexer reads of an article to profile it: every column but the body's JSON (ArticleRepository.findForIndexing). */
export type IndexSource = Article;

/** What related_index held for an article before this batch. */
export interface PreviousIndex {
  language: string;
  terms: string[];
  /** Strictly increases with every indexing of the article: the profile cache's version. */
  indexedAt: number;
}

/** An article's counted terms, as related_index keeps them. */
export interface SavedTermSet {
  id: number;
  language: string;
  /** Distinct, in code-unit order. */
  terms: readonly string[];
  /** How often the article's token stream has each of `terms`, when the writer counted them. */
  counts?: readonly number[];
  indexedAt: number;
}

/** A SavedTermSet with its terms and counts as related_index stores them (JSON; counts null when not counted). */
export interface EncodedSavedTermSet {
  id: number;
  language: string;
  terms: string;
  counts: string | null;
  indexedAt: number;
}

/** A term of one language's term_stats. */
interface TermOf {
  language: string;
  term: string;
}

/** `language NUL term`: one key for maps of per-language terms. */
export function termKey(language: string, term: string): string {
  return `${language}\u0000${term}`;
}

const IN_LIST = 500;
const TERM_DELTAS_PER_STATEMENT = 1000;

function upsertTermDeltas(count: number): string {
  return `INSERT INTO term_stats (language, term, df) VALUES ${Array.from({ length: count }, () => '(?, ?, ?)').join(', ')}
         ON CONFLICT (language, term) DO UPDATE SET df = term_stats.df + excluded.df`;
}

/**
 * The parameters of each upsert (upsertTermDeltas) that adds `changes` to
 * term_stats, TERM_DELTAS_PER_STATEMENT rows a statement, in the lists'
 * order: built from the sorted lists, with no object per term.
 */
function* termDeltaStatements(changes: readonly LanguageTermDeltas[]): Generator<unknown[]> {
  let parameters: unknown[] = [];
  for (const { language, terms, deltas } of changes) {
    for (let at = 0; at < terms.length; at++) {
      parameters.push(language, terms[at], deltas[at]);
      if (parameters.length === TERM_DELTAS_PER_STATEMENT * 3) {
        yield parameters;
        parameters = [];
      }
    }
  }
  if (parameters.length) yield parameters;
}

/**
 * The indexer's statements, all inside one batch transaction. Multi-row
 * statements keep a batch of hundreds of articles to a few dozen round trips.
 */
export class RelatedIndexWrites {
  constructor(protected readonly manager: EntityManager) {}

  /**
   * Takes up to `limit` queued articles, oldest first, by deleting their rows:
   * if the batch rolls back, they are queued again. A write comes first, so on
   * SQLite the transaction holds the write lock (and the newest snapshot) from
   * the start; on PostgreSQL, SKIP LOCKED lets instances share the queue.
   */
  async claim(limit: number): Promise<QueueEntry[]> {
    const postgres = dialectOf(this.manager) === 'postgres';
    const result = await runSql<Record<string, unknown>>(
      this.manager,
      `DELETE FROM related_queue WHERE article_id IN
         (SELECT article_id FROM related_queue ORDER BY enqueued_at, article_id LIMIT ?${postgres ? ' FOR UPDATE SKIP LOCKED' : ''})
       RETURNING article_id, cascade_neighbours, enqueued_at`,
      [limit],
    );
    // TypeORM answers a PostgreSQL DELETE as [rows, rowCount].
    return queueEntries((postgres ? result[0] ?? [] : result) as Array<Record<string, unknown>>);
  }

  /**
   * A page of the queue by article id, left in place (a bulk drain profiles
   * the backlog first and ranks it afterwards). On PostgreSQL the rows stay
   * locked until this transaction ends, so no other instance works on them meanwhile.
   */
  async queuePage(afterId: number, limit: number): Promise<QueueEntry[]> {
    const lock = dialectOf(this.manager) === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
    const rows = await runSql(
      this.manager,
      `SELECT article_id, cascade_neighbours, enqueued_at FROM related_queue WHERE article_id > ? ORDER BY article_id LIMIT ?${lock}`,
      [afterId, limit],
    );
    return queueEntries(rows);
  }

  async sources(ids: readonly number[]): Promise<Map<number, IndexSource>> {
    return new Map((await this.articles.findForIndexing(ids)).map((article) => [article.id, article]));
  }

  /** Articles read in this transaction, through their one owner. */
  protected get articles(): ArticleRepository {
    return (this.articleReads ??= new ArticleRepository(this.manager));
  }

  private articleReads?: ArticleRepository;

  /** The term sets the articles were last counted with (related_index.terms). */
  async previousTermSets(ids: readonly number[]): Promise<Map<number, PreviousIndex>> {
    const sets = new Map<number, PreviousIndex>();
    for (const chunk of chunked(ids, IN_LIST)) {
      const rows = await runSql<{ article_id: number; language: string; terms: string; indexed_at: number }>(
        this.manager,
        `SELECT article_id, language, terms, indexed_at FROM related_index WHERE article_id IN (${marks(chunk.length)})`,
        chunk,
      );
      for (const row of rows) sets.set(Number(row.article_id), { language: row.language, terms: JSON.parse(row.terms), indexedAt: Number(row.indexed_at) });
    }
    return sets;
  }

  /**
   * Adds the changes to term_stats and answers every touched term's new df
   * (keyed by termKey). Terms no article holds any more are deleted.
   * Callers pass languages and terms in order, so concurrent batches lock rows in one order.
   */
  async applyTermDeltas(changes: readonly LanguageTermDeltas[]): Promise<Map<string, number>> {
    const df = new Map<string, number>();
    const gone: TermOf[] = [];
    for (const parameters of termDeltaStatements(changes)) {
      const rows = await runSql<{ language: string; term: string; df: number }>(this.manager, `${upsertTermDeltas(parameters.length / 3)} RETURNING language, term, df`, parameters);
      for (const row of rows) {
        const value = Number(row.df);
        if (value <= 0) gone.push({ language: row.language, term: row.term });
        else df.set(termKey(row.language, row.term), value);
      }
    }
    await this.deleteUnheldTerms(gone);
    return df;
  }

  /**
   * applyTermDeltas without its answer, for the bulk build's count, which
   * reads no df until every page is counted: a 5,000-article page touches
   * about 200,000 terms, and reading each one's df back into a map was a
   * third of that pass's time on its one thread. Takes the sorted lists
   * (writeTermDeltas).
   */
  async addTermDeltas(changes: readonly LanguageTermDeltas[]): Promise<void> {
    for (const parameters of termDeltaStatements(changes)) await runSql(this.manager, upsertTermDeltas(parameters.length / 3), parameters);
    // Only a term whose df went down can have reached 0.
    const fell: TermOf[] = [];
    for (const { language, terms, deltas } of changes) {
      for (let at = 0; at < terms.length; at++) if (deltas[at] < 0) fell.push({ language, term: terms[at] });
    }
    await this.deleteUnheldTerms(fell);
  }

  /** Deletes those of `terms` whose df is 0 (no article holds them). */
  private async deleteUnheldTerms(terms: readonly TermOf[]): Promise<void> {
    for (const chunk of chunked(terms, IN_LIST)) {
      await runSql(
        this.manager,
        `DELETE FROM term_stats WHERE df <= 0 AND (language, term) IN (VALUES ${chunk.map(() => '(?, ?)').join(', ')})`,
        chunk.flatMap(({ language, term }) => [language, term]),
      );
    }
  }

  async applyDocDeltas(deltas: ReadonlyMap<string, number>): Promise<void> {
    const changed = [...deltas].filter(([, delta]) => delta !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
    if (!changed.length) return;
    await runSql(
      this.manager,
      `INSERT INTO language_stats (language, docs) VALUES ${changed.map(() => '(?, ?)').join(', ')}
       ON CONFLICT (language) DO UPDATE SET docs = language_stats.docs + excluded.docs`,
      changed.flat(),
    );
  }

  /** Replaces the profiles of `ids`; articles without an entry in `profiles` end with none. */
  async replaceProfiles(ids: readonly number[], profiles: ReadonlyMap<number, readonly TermWeight[]>): Promise<void> {
    for (const chunk of chunked(ids, IN_LIST)) {
      await runSql(this.manager, `DELETE FROM article_terms WHERE article_id IN (${marks(chunk.length)})`, chunk);
    }
    // Parameters go straight into each statement's array: a 2,000-article page is 200,000 rows, and an
    // array per row (then flattened) was a tenth of the bulk build's profiling on its SQL thread.
    const insert = new RowInserter(this.manager, 'INSERT INTO article_terms (article_id, term, weight) VALUES', 3, 1000);
    for (const [id, profile] of profiles) {
      for (const { term, weight } of profile) {
        insert.params.push(id, term, weight);
        if (insert.endRow()) await insert.flush();
      }
    }
    await insert.flush();
  }

  /**
   * Saves the distinct terms each article was counted with, and, where the
   * writer has them, how often each occurs (`counts`, in the terms' order:
   * the bulk build's profiling pass reads them back instead of tokenizing the
   * text again). Without counts, term_counts is NULL, never a stale tally.
   */
  async saveTermSets(entries: readonly SavedTermSet[]): Promise<void> {
    await this.saveEncodedTermSets(
      entries.map(({ id, language, terms, counts, indexedAt }) => ({ id, language, terms: JSON.stringify(terms), counts: counts ? JSON.stringify(counts) : null, indexedAt })),
    );
  }

  /** saveTermSets with the sets already JSON (the bulk build's counting workers encode them). */
  async saveEncodedTermSets(entries: readonly EncodedSavedTermSet[]): Promise<void> {
    for (const chunk of chunked(entries, 200)) {
      await runSql(
        this.manager,
        `INSERT INTO related_index (article_id, language, terms, term_counts, indexed_at) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT (article_id) DO UPDATE SET language = excluded.language, terms = excluded.terms, term_counts = excluded.term_counts, indexed_at = excluded.indexed_at`,
        chunk.flatMap(({ id, language, terms, counts, indexedAt }) => [id, language, terms, counts, indexedAt]),
      );
    }
  }

  /** Forgets articles that are no longer published: their index row and their own list. */
  async forget(ids: readonly number[]): Promise<void> {
    for (const chunk of chunked(ids, IN_LIST)) {
      await runSql(this.manager, `DELETE FROM related_index WHERE article_id IN (${marks(chunk.length)})`, chunk);
      await runSql(this.manager, `DELETE FROM article_related WHERE article_id IN (${marks(chunk.length)})`, chunk);
    }
  }

  /** Articles whose stored lists name any of `ids`. */
  async ownersOf(ids: readonly number[]): Promise<number[]> {
    const owners = new Set<number>();
    for (const chunk of chunked(ids, IN_LIST)) {
      const rows = await runSql<{ article_id: number }>(
        this.manager,
        `SELECT DISTINCT article_id FROM article_related WHERE related_id IN (${marks(chunk.length)})`,
        chunk,
      );
      for (const row of rows) owners.add(Number(row.article_id));
    }
    return [...owners].sort((a, b) => a - b);
  }

  /**
   * Takes articles out of the index (forget) and out of every list that named
   * them; answers those lists' owners, to be ranked again (none of `ids`:
   * their own lists went first).
   */
  async leaveIndex(ids: readonly number[]): Promise<number[]> {
    await this.forget(ids);
    const owners = await this.ownersOf(ids);
    await this.removeFromLists(ids);
    return owners;
  }

  /** Takes `ids` out of other articles' lists. */
  async removeFromLists(ids: readonly number[]): Promise<void> {
    for (const chunk of chunked(ids, IN_LIST)) {
      await runSql(this.manager, `DELETE FROM article_related WHERE related_id IN (${marks(chunk.length)})`, chunk);
    }
  }

  async replaceLists(lists: ReadonlyMap<number, readonly RelatedResult[]>): Promise<void> {
    for (const chunk of chunked([...lists.keys()], IN_LIST)) {
      await runSql(this.manager, `DELETE FROM article_related WHERE article_id IN (${marks(chunk.length)})`, chunk);
    }
    const insert = new RowInserter(this.manager, 'INSERT INTO article_related (article_id, position, related_id, score, reasons) VALUES', 5, 500);
    for (const [id, list] of lists) {
      for (const [position, item] of list.entries()) {
        insert.params.push(id, position, item.id, item.score, JSON.stringify(item.reasons));
        if (insert.endRow()) await insert.flush();
      }
    }
    await insert.flush();
  }

  /** Length and lowest score of each article's stored list (articles without one are absent). */
  async listStats(ids: readonly number[]): Promise<Map<number, { count: number; lowest: number }>> {
    const stats = new Map<number, { count: number; lowest: number }>();
    for (const chunk of chunked(ids, IN_LIST)) {
      const rows = await runSql<{ article_id: number; n: number; lowest: number }>(
        this.manager,
        `SELECT article_id, COUNT(*) AS n, MIN(score) AS lowest FROM article_related WHERE article_id IN (${marks(chunk.length)}) GROUP BY article_id`,
        chunk,
      );
      for (const row of rows) stats.set(Number(row.article_id), { count: Number(row.n), lowest: Number(row.lowest) });
    }
    return stats;
  }

  /** Queues articles to recompute their lists; an article already queued keeps its place and its cascade. */
  async enqueueNeighbours(ids: readonly number[], now: Date): Promise<void> {
    for (const chunk of chunked(ids, IN_LIST)) {
      await runSql(
        this.manager,
        `INSERT INTO related_queue (article_id, cascade_neighbours, enqueued_at) VALUES ${chunk.map(() => '(?, FALSE, ?)').join(', ')}
         ON CONFLICT (article_id) DO NOTHING`,
        chunk.flatMap((id) => [id, now.getTime()]),
      );
    }
  }
}

/** The bulk build's reads and writes (related.bulk-index.ts), in the same transaction style. */
export class BulkIndexStatements extends RelatedIndexWrites {
  /**
   * The term counts pass 1 saved for `ids` (saveTermSets with counts), by
   * article id, as saved (JSON: whoever builds the profile parses them, on a
   * worker in `habari reindex`); articles saved without counts are absent.
   */
  async countedTerms(ids: readonly number[]): Promise<Map<number, SavedCounts>> {
    const counted = new Map<number, SavedCounts>();
    for (const chunk of chunked(ids, IN_LIST)) {
      const rows = await runSql<{ article_id: number; terms: string; term_counts: string }>(
        this.manager,
        `SELECT article_id, terms, term_counts FROM related_index WHERE term_counts IS NOT NULL AND article_id IN (${marks(chunk.length)})`,
        chunk,
      );
      for (const row of rows) counted.set(Number(row.article_id), { terms: row.terms, counts: row.term_counts });
    }
    return counted;
  }

  /** Indexed article ids from `afterId` on, of one language or of all. */
  async indexedIds(afterId: number, limit: number, language?: string): Promise<number[]> {
    const rows = await runSql<{ article_id: number }>(
      this.manager,
      `SELECT article_id FROM related_index WHERE ${language === undefined ? '' : 'language = ? AND '}article_id > ? ORDER BY article_id LIMIT ?`,
      language === undefined ? [afterId, limit] : [language, afterId, limit],
    );
    return rows.map((row) => Number(row.article_id));
  }

  /** Summaries (no body) of `ids`, any status: what the ranking reads of an article. */
  async summaries(ids: readonly number[]): Promise<Map<number, Article>> {
    return new Map((await this.articles.findSummaries(ids)).map((article) => [article.id, article]));
  }

  /** The stored profiles of `ids` (articles without one are absent). */
  async storedProfiles(ids: readonly number[]): Promise<Map<number, TermWeight[]>> {
    return readStoredProfiles(this.manager, ids, true);
  }

  /** How many articles of each language have a related_index row (counted or indexed), in one sweep. */
  async indexedCountsByLanguage(): Promise<Map<string, number>> {
    const rows = await runSql<{ language: string; n: number }>(this.manager, 'SELECT language, COUNT(*) AS n FROM related_index GROUP BY language');
    return new Map(rows.map((row) => [row.language, Number(row.n)]));
  }

  /**
   * A page of one language's term_stats held by two articles or more, by
   * term from `afterTerm` on (the primary key's order, so each page is a
   * range of it).
   */
  async sharedTermsPage(language: string, afterTerm: string, limit: number): Promise<Array<{ term: string; df: number }>> {
    const rows = await runSql<{ term: string; df: number }>(
      this.manager,
      'SELECT term, df FROM term_stats WHERE language = ? AND term > ? AND df >= 2 ORDER BY term LIMIT ?',
      [language, afterTerm, limit],
    );
    return rows.map((row) => ({ term: row.term, df: Number(row.df) }));
  }

  /**
   * Moves related_index.indexed_at (the profile cache's version) on by one,
   * without touching the counted term set: from the row's own value, so it
   * only ever increases, whoever wrote the row since it was read (a CASE
   * over the values read took a fifth of the statement's rows in compares).
   */
  async touchIndexed(ids: readonly number[]): Promise<void> {
    for (const chunk of chunked(ids, IN_LIST)) {
      await runSql(this.manager, `UPDATE related_index SET indexed_at = indexed_at + 1 WHERE article_id IN (${marks(chunk.length)})`, chunk);
    }
  }

  /** How many articles exist and the highest id (ArticleRepository.census). */
  articleCensus(): Promise<ArticleCensus> {
    return this.articles.census();
  }

  /** How many articles have an id above `id` (made since a census that saw it as the highest). */
  articlesAfter(id: number): Promise<number> {
    return this.articles.countAfter(id);
  }

  /** Those of `ids` that are no article (deleted). */
  missingArticles(ids: readonly number[]): Promise<number[]> {
    return this.articles.missingIds(ids);
  }

  /** Takes articles off the queue, whenever they were queued. */
  async unqueue(ids: readonly number[]): Promise<void> {
    for (const chunk of chunked(ids, IN_LIST)) await runSql(this.manager, `DELETE FROM related_queue WHERE article_id IN (${marks(chunk.length)})`, chunk);
  }

  /** Takes rows off the queue unless they were queued again since they were read (enqueued_at moved). */
  async dequeue(entries: readonly QueueEntry[]): Promise<void> {
    for (const chunk of chunked(entries, IN_LIST)) {
      await runSql(
        this.manager,
        `DELETE FROM related_queue WHERE (article_id, enqueued_at) IN (VALUES ${chunk.map(() => '(CAST(? AS INTEGER), CAST(? AS BIGINT))').join(', ')})`,
        chunk.flatMap(({ articleId, enqueuedAt }) => [articleId, enqueuedAt]),
      );
    }
  }
}

/**
 * A multi-row INSERT filled a row at a time: a caller pushes a row's values
 * onto `params`, and flushes when endRow() says the statement is full
 * (`perStatement` rows, one prepared text); flush() runs what is left.
 */
class RowInserter {
  params: unknown[] = [];
  private rows = 0;

  constructor(
    private readonly manager: EntityManager,
    private readonly head: string,
    private readonly columns: number,
    private readonly perStatement: number,
  ) {}

  /** Whether the statement is full with the row just pushed. */
  endRow(): boolean {
    return ++this.rows === this.perStatement;
  }

  async flush(): Promise<void> {
    if (!this.rows) return;
    const full = this.rows === this.perStatement;
    const text = full && this.fullText ? this.fullText : `${this.head} ${Array.from({ length: this.rows }, () => `(${marks(this.columns)})`).join(', ')}`;
    if (full) this.fullText = text;
    await runSql(this.manager, text, this.params);
    this.params = [];
    this.rows = 0;
  }

  private fullText?: string;
}

function queueEntries(rows: ReadonlyArray<Record<string, unknown>>): QueueEntry[] {
  return rows
    .map((row) => ({ articleId: Number(row.article_id), cascade: sqlBoolean(row.cascade_neighbours), enqueuedAt: Number(row.enqueued_at) }))
    .sort((a, b) => a.articleId - b.articleId);
}
