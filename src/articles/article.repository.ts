import type { DataSource } from 'typeorm';
import { marks, runSql } from '../db/sql';
import type { PageRequest } from '../pagination/page-request';
import type { Article } from './article.entity';
import { ArticleOrder, ArticleStatus } from './article.enums';
import { ORDER_COLUMNS, articlePageSql, publishedWhere, type ArticleListFilter } from './article.list-sql';
import { ARTICLE_COLUMNS, ARTICLE_SUMMARY_COLUMNS, articleFromRow } from './article.row';

export type { ArticleListFilter } from './article.list-sql';

export function orderValue(article: Article, order: ArticleOrder): number {
  return ORDER_COLUMNS[order].column === 'published_at' ? article.publishedAt?.getTime() ?? 0 : article.updatedAt.getTime();
}

/** The only code that reads articles. Public reads always filter on PUBLISHED; lists leave bodies out. */
export class ArticleRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findPublishedPage(filter: ArticleListFilter, order: ArticleOrder, page: PageRequest): Promise<Article[]> {
    const { sql, params } = articlePageSql(ARTICLE_SUMMARY_COLUMNS, filter, order, page);
    return (await runSql(this.dataSource, sql, params)).map(articleFromRow);
  }

  async countPublished(filter: ArticleListFilter): Promise<number> {
    const where = publishedWhere(filter);
    const [row] = await runSql<{ n: number }>(this.dataSource, `SELECT COUNT(*) AS n FROM articles a WHERE ${where.sql}`, where.params);
    return Number(row.n);
  }

  async findPublishedById(id: number): Promise<Article | null> {
    const [row] = await runSql(this.dataSource, `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = ? AND a.status = ?`, [id, ArticleStatus.PUBLISHED]);
    return row ? articleFromRow(row) : null;
  }

  /** Any status: for editors only (the service checks). */
  async findById(id: number): Promise<Article | null> {
    const [row] = await runSql(this.dataSource, `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?`, [id]);
    return row ? articleFromRow(row) : null;
  }

  async findBySlug(language: string, slug: string): Promise<Article | null> {
    const [row] = await runSql(this.dataSource, `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.language = ? AND a.slug = ?`, [language, slug]);
    return row ? articleFromRow(row) : null;
  }

  /** updated_by of each article (the key behind its last write), read only when asked: it sits after the body. */
  async findUpdatedBy(ids: readonly number[]): Promise<Array<{ id: number; updatedBy: string | null }>> {
    const rows = await runSql<{ id: number; updated_by: string | null }>(this.dataSource, `SELECT id, updated_by FROM articles WHERE id IN (${marks(ids.length)})`, [...ids]);
    return rows.map((row) => ({ id: Number(row.id), updatedBy: row.updated_by ?? null }));
  }

  async findPublishedBySlug(language: string, slug: string): Promise<Article | null> {
    const [row] = await runSql(this.dataSource, `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.language = ? AND a.slug = ? AND a.status = ?`, [
      language,
      slug,
      ArticleStatus.PUBLISHED,
    ]);
    return row ? articleFromRow(row) : null;
  }

  async findPublishedByIds(ids: readonly number[]): Promise<Article[]> {
    if (!ids.length) return [];
    const rows = await runSql(this.dataSource, `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id IN (${marks(ids.length)}) AND a.status = ?`, [...ids, ArticleStatus.PUBLISHED]);
    return rows.map(articleFromRow);
  }

  /** Bodies for articles read as summaries (any status: the caller already holds the article). */
  async findBodies(ids: readonly number[]): Promise<Array<{ id: number; body: Article['body']; bodyText: string }>> {
    const rows = await runSql<{ id: number; body: string; body_text: string }>(this.dataSource, `SELECT id, body, body_text FROM articles WHERE id IN (${marks(ids.length)})`, [...ids]);
    return rows.map((row) => ({ id: Number(row.id), body: JSON.parse(row.body), bodyText: row.body_text }));
  }

  async countAll(): Promise<number> {
    const [row] = await runSql<{ n: number }>(this.dataSource, 'SELECT COUNT(*) AS n FROM articles');
    return Number(row.n);
  }
}
