import type { DataSource, EntityManager } from 'typeorm';
import { chunked, marks, runSql } from '../db/sql';
import { backgroundSql } from '../db/statement-counter';
import type { PageRequest } from '../pagination/page-request';
import type { Article } from './article.entity';
import { ArticleOrder, ArticleStatus, isPublished } from './article.enums';
import { ORDER_COLUMNS, articlePageSql, publishedWhere, type ArticleListFilter } from './article.list-sql';
import { ARTICLE_COLUMNS, ARTICLE_SUMMARY_COLUMNS, articleFromRow } from './article.row';

export type { ArticleListFilter } from './article.list-sql';

/** Latest published articles of a language, or of one category in it. */
export interface LatestScope {
  language: string;
  categoryId: number | null;
  limit: number;
}

export type Direction = 'newer' | 'older';

const IN_LIST = 500;

export function orderValue(article: Article, order: ArticleOrder): number {
  return ORDER_COLUMNS[order].column === 'published_at' ? article.publishedAt?.getTime() ?? 0 : article.updatedAt.getTime();
}

/**
 * The only code that reads article rows, and the only row mapping
 * (articleFromRow): lists, search results, related and read-more links,
 * events, the related indexer and topic training all load articles here.
 * Public reads always filter on PUBLISHED; lists leave bodies out. Built on
 * the data source for requests, or on a unit of work's transaction
 * (`unit.get(ArticleRepository)`) for the indexer and writers.
 */
/** How many articles there are, and the highest id among them. */
export interface ArticleCensus {
  count: number;
  highest: number;
}

export class ArticleRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async findPublishedPage(filter: ArticleListFilter, order: ArticleOrder, page: PageRequest): Promise<Article[]> {
    const { sql, params } = articlePageSql(ARTICLE_SUMMARY_COLUMNS, filter, order, page);
    return (await runSql(this.db, sql, params)).map(articleFromRow);
  }

  async countPublished(filter: ArticleListFilter): Promise<number> {
    const where = publishedWhere(filter);
    const [row] = await runSql<{ n: number }>(this.db, `SELECT COUNT(*) AS n FROM articles a WHERE ${where.sql}`, where.params);
    return Number(row.n);
  }

  async findPublishedById(id: number): Promise<Article | null> {
    const [row] = await runSql(this.db, `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = ? AND a.status = ?`, [id, ArticleStatus.PUBLISHED]);
    return row ? articleFromRow(row) : null;
  }

  /** Any status: for editors only (the service checks). */
  async findById(id: number): Promise<Article | null> {
    const [row] = await runSql(this.db, `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?`, [id]);
    return row ? articleFromRow(row) : null;
  }

  async findBySlug(language: string, slug: string): Promise<Article | null> {
    const [row] = await runSql(this.db, `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.language = ? AND a.slug = ?`, [language, slug]);
    return row ? articleFromRow(row) : null;
  }

  /** updated_by of each article (the key behind its last write), read only when asked: it sits after the body. */
  async findUpdatedBy(ids: readonly number[]): Promise<Array<{ id: number; updatedBy: string | null }>> {
    const rows = await runSql<{ id: number; updated_by: string | null }>(this.db, `SELECT id, updated_by FROM articles WHERE id IN (${marks(ids.length)})`, [...ids]);
    return rows.map((row) => ({ id: Number(row.id), updatedBy: row.updated_by ?? null }));
  }

  async findPublishedBySlug(language: string, slug: string): Promise<Article | null> {
    const [row] = await runSql(this.db, `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.language = ? AND a.slug = ? AND a.status = ?`, [
      language,
      slug,
      ArticleStatus.PUBLISHED,
    ]);
    return row ? articleFromRow(row) : null;
  }

  /**
   * Loads by id select on the id alone and leave unpublished rows out here:
   * with `AND a.status = ?` in the SQL, SQLite without table statistics
   * planned the lookup through ix_articles_status_updated, walking every
   * published article's index entry for the dozen ids asked (100-180 ms a
   * related list at 1,000,000 articles, against 1 ms by primary key).
   */
  async findPublishedByIds(ids: readonly number[]): Promise<Article[]> {
    if (!ids.length) return [];
    const rows = await runSql(this.db, `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id IN (${marks(ids.length)})`, [...ids]);
    return rows.map(articleFromRow).filter(isPublished);
  }

  /** Bodies for articles read as summaries (any status: the caller already holds the article). */
  async findBodies(ids: readonly number[]): Promise<Array<{ id: number; body: Article['body']; bodyText: string }>> {
    const rows = await runSql<{ id: number; body: string; body_text: string }>(this.db, `SELECT id, body, body_text FROM articles WHERE id IN (${marks(ids.length)})`, [...ids]);
    return rows.map((row) => ({ id: Number(row.id), body: JSON.parse(row.body), bodyText: row.body_text }));
  }

  /** Published articles without their bodies, for lists of links (bodies load on demand: articleBody). By id alone, as findPublishedByIds. */
  async findPublishedSummaries(ids: readonly number[]): Promise<Article[]> {
    const articles: Article[] = [];
    for (const chunk of chunked([...new Set(ids)], IN_LIST)) {
      const rows = await runSql(this.db, `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM articles a WHERE a.id IN (${marks(chunk.length)})`, chunk);
      articles.push(...rows.map(articleFromRow).filter(isPublished));
    }
    return articles;
  }

  /**
   * Whole articles whatever their status, by id: search results (ranked under
   * the caller's filter already) and events (which show an article even after
   * it was unpublished). `background` keeps the statements out of request counts.
   */
  async findByIds(ids: readonly number[], options: { background?: boolean } = {}): Promise<Article[]> {
    const articles: Article[] = [];
    for (const chunk of chunked([...new Set(ids)], IN_LIST)) {
      const sql = `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id IN (${marks(chunk.length)})`;
      articles.push(...(await runSql(this.db, options.background ? backgroundSql(sql) : sql, chunk)).map(articleFromRow));
    }
    return articles;
  }

  /** How many articles exist and the highest id. */
  async census(): Promise<ArticleCensus> {
    // Two statements: SQLite counts a lone COUNT(*) from its smallest index; beside MAX it would scan.
    const [counted] = await runSql<{ n: number }>(this.db, 'SELECT COUNT(*) AS n FROM articles');
    const [highest] = await runSql<{ id: number | null }>(this.db, 'SELECT MAX(id) AS id FROM articles');
    return { count: Number(counted.n), highest: Number(highest.id ?? 0) };
  }

  /** How many articles have an id above `id`. */
  async countAfter(id: number): Promise<number> {
    const [row] = await runSql<{ n: number }>(this.db, 'SELECT COUNT(*) AS n FROM articles WHERE id > ?', [id]);
    return Number(row.n);
  }

  /** Those of `ids` that are no article (deleted), in the order given. */
  async missingIds(ids: readonly number[]): Promise<number[]> {
    const missing: number[] = [];
    for (const chunk of chunked(ids, IN_LIST)) {
      const rows = await runSql<{ id: number }>(this.db, `SELECT id FROM articles WHERE id IN (${marks(chunk.length)})`, chunk);
      const found = new Set(rows.map((row) => Number(row.id)));
      for (const id of chunk) if (!found.has(id)) missing.push(id);
    }
    return missing;
  }

  /** Articles without their bodies, whatever their status (the related indexer's pages of an archive). */
  async findSummaries(ids: readonly number[]): Promise<Article[]> {
    const articles: Article[] = [];
    for (const chunk of chunked([...new Set(ids)], IN_LIST)) {
      articles.push(...(await runSql(this.db, `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM articles a WHERE a.id IN (${marks(chunk.length)})`, chunk)).map(articleFromRow));
    }
    return articles;
  }

  /** What the related indexer profiles and ranks: every column but the body's JSON, whatever the status. */
  async findForIndexing(ids: readonly number[]): Promise<Article[]> {
    const articles: Article[] = [];
    for (const chunk of chunked([...new Set(ids)], IN_LIST)) {
      const rows = await runSql(this.db, `SELECT ${ARTICLE_SUMMARY_COLUMNS}, a.body_text FROM articles a WHERE a.id IN (${marks(chunk.length)})`, chunk);
      articles.push(...rows.map(articleFromRow));
    }
    return articles;
  }

  /** Which of `ids` exist, whatever their status. */
  async existingIds(ids: readonly number[]): Promise<Set<number>> {
    const found = new Set<number>();
    for (const chunk of chunked([...new Set(ids)], IN_LIST)) {
      for (const row of await runSql<{ id: number }>(this.db, `SELECT id FROM articles WHERE id IN (${marks(chunk.length)})`, chunk)) found.add(Number(row.id));
    }
    return found;
  }

  /** Each scope's latest published articles, newest first: one statement, one indexed range per scope. */
  async findLatestInScopes(scopes: readonly LatestScope[]): Promise<Article[][]> {
    const parts = scopes.map(
      (scope, index) =>
        `SELECT * FROM (SELECT CAST(? AS INTEGER) AS scope_index, ${ARTICLE_SUMMARY_COLUMNS} FROM articles a
         WHERE ${scope.categoryId == null ? '' : 'a.category_id = ? AND '}a.language = ? AND a.status = ?
         ORDER BY a.published_at DESC, a.id DESC LIMIT ?) s${index}`,
    );
    const params = scopes.flatMap((scope, index) => [index, ...(scope.categoryId == null ? [] : [scope.categoryId]), scope.language, ArticleStatus.PUBLISHED, scope.limit]);
    const rows = await runSql(this.db, parts.join(' UNION ALL '), params);
    const lists = scopes.map((): Article[] => []);
    for (const row of rows) lists[Number(row.scope_index)].push(articleFromRow(row));
    for (const list of lists) list.sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime() || b.id - a.id);
    return lists;
  }

  /**
   * For each article, the next newer (or older) published article of its
   * category and language by (published_at, id). Articles without a category
   * or a date have none.
   */
  async findAdjacentInCategory(articles: readonly Article[], direction: Direction): Promise<Array<Article | null>> {
    const [op, order] = direction === 'newer' ? ['>', 'ASC'] : ['<', 'DESC'];
    const asked = articles.map((article, index) => ({ article, index })).filter(({ article }) => article.categoryId != null && article.publishedAt != null);
    const result: Array<Article | null> = articles.map(() => null);
    if (!asked.length) return result;
    const parts = asked.map(
      ({ index }) =>
        `SELECT * FROM (SELECT CAST(? AS INTEGER) AS scope_index, ${ARTICLE_SUMMARY_COLUMNS} FROM articles a
         WHERE a.category_id = ? AND a.language = ? AND a.status = ? AND (a.published_at ${op} ? OR (a.published_at = ? AND a.id ${op} ?))
         ORDER BY a.published_at ${order}, a.id ${order} LIMIT 1) s${index}`,
    );
    const params = asked.flatMap(({ article, index }) => {
      const at = article.publishedAt!.getTime();
      return [index, article.categoryId, article.language, ArticleStatus.PUBLISHED, at, at, article.id];
    });
    for (const row of await runSql(this.db, parts.join(' UNION ALL '), params)) result[Number(row.scope_index)] = articleFromRow(row);
    return result;
  }

  /** Articles (with their text) without a category, written (created or changed) at or after `since` (epoch ms). */
  async findUncategorizedWrittenSince(since: number, limit: number): Promise<Article[]> {
    const rows = await runSql(
      this.db,
      `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.category_id IS NULL AND a.updated_at >= ? ORDER BY a.id LIMIT ?`,
      [since, limit],
    );
    return rows.map(articleFromRow);
  }

  /** Per language, how many published articles with a category have a related profile (what topic models learn from). */
  async countLabelledByLanguage(): Promise<Map<string, number>> {
    const rows = await runSql<{ language: string; n: number }>(
      this.db,
      backgroundSql(
        `SELECT a.language, COUNT(*) AS n FROM articles a JOIN related_index ri ON ri.article_id = a.id
         WHERE a.status = ? AND a.category_id IS NOT NULL GROUP BY a.language`,
      ),
      [ArticleStatus.PUBLISHED],
    );
    return new Map(rows.map((row) => [row.language, Number(row.n)]));
  }

  /** The `limit` most recently published categorized, profiled articles of a language: id and category. */
  async findLabelled(language: string, limit: number): Promise<Array<{ id: number; categoryId: number }>> {
    const rows = await runSql<{ id: number; category_id: number }>(
      this.db,
      backgroundSql(
        `SELECT a.id, a.category_id FROM articles a JOIN related_index ri ON ri.article_id = a.id
         WHERE a.language = ? AND a.status = ? AND a.category_id IS NOT NULL
         ORDER BY a.published_at DESC, a.id DESC LIMIT ?`,
      ),
      [language, ArticleStatus.PUBLISHED, limit],
    );
    return rows.map((row) => ({ id: Number(row.id), categoryId: Number(row.category_id) }));
  }

  /** True when the table has no row at all (one indexed probe, whatever the archive's size). */
  async isEmpty(): Promise<boolean> {
    return (await runSql(this.db, 'SELECT id FROM articles LIMIT 1')).length === 0;
  }

  async countAll(): Promise<number> {
    const [row] = await runSql<{ n: number }>(this.db, 'SELECT COUNT(*) AS n FROM articles');
    return Number(row.n);
  }
}
