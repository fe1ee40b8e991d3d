import type { DataSource } from 'typeorm';
import { dialectOf, marks, runSql } from '../db/sql';
import { publishedWhere, type ArticleListFilter } from '../articles/article.list-sql';
import { ARTICLE_COLUMNS, articleFromRow } from '../articles/article.row';
import type { Article } from '../articles/article.entity';
import { toFts5Match } from './search.fts5';
import { toTsQuery } from './search.tsquery';

export interface SearchRow {
  article: Article;
  score: number;
}

/**
 * The search index, per dialect: SQLite FTS5 with bm25 (title 10, standfirst
 * 4, body 1), PostgreSQL tsvector/GIN with ts_rank weighted the same way.
 * Terms are always bound parameters built by toFts5Match/toTsQuery, never
 * spliced into SQL.
 */
export class SearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Ranks ids first and loads the winning rows after: ranking touches only the
   * index and the small columns the filters need, never the bodies of every match.
   */
  async search(terms: string[], filter: ArticleListFilter, limit: number, offset: number): Promise<SearchRow[]> {
    const ranked = await this.rank(terms, filter, limit, offset);
    if (!ranked.length) return [];
    const rows = await runSql(this.dataSource, `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id IN (${marks(ranked.length)})`, ranked.map((r) => r.id));
    const byId = new Map(rows.map((row) => [Number(row.id), row]));
    return ranked.flatMap(({ id, score }) => {
      const row = byId.get(id);
      return row ? [{ article: articleFromRow(row), score }] : [];
    });
  }

  private async rank(terms: string[], filter: ArticleListFilter, limit: number, offset: number): Promise<Array<{ id: number; score: number }>> {
    const where = publishedWhere(filter);
    const rows =
      dialectOf(this.dataSource) === 'postgres'
        ? await runSql(
            this.dataSource,
            `SELECT a.id, ts_rank('{0.05, 0.1, 0.4, 1.0}', s.document, q) AS score
             FROM article_search s JOIN articles a ON a.id = s.article_id CROSS JOIN CAST(? AS tsquery) AS q
             WHERE s.document @@ q AND ${where.sql}
             ORDER BY score DESC, a.id ASC LIMIT ${limit} OFFSET ${offset}`,
            [toTsQuery(terms), ...where.params],
          )
        : await runSql(
            this.dataSource,
            `SELECT a.id, -bm25(article_search, 10.0, 4.0, 1.0) AS score
             FROM article_search JOIN articles a ON a.id = article_search.rowid
             WHERE article_search MATCH ? AND ${where.sql}
             ORDER BY score DESC, a.id ASC LIMIT ${limit} OFFSET ${offset}`,
            [toFts5Match(terms), ...where.params],
          );
    return rows.map((row) => ({ id: Number(row.id), score: Number(row.score) }));
  }

  async count(terms: string[], filter: ArticleListFilter): Promise<number> {
    const where = publishedWhere(filter);
    const [row] =
      dialectOf(this.dataSource) === 'postgres'
        ? await runSql<{ n: number }>(
            this.dataSource,
            `SELECT COUNT(*) AS n FROM article_search s JOIN articles a ON a.id = s.article_id WHERE s.document @@ CAST(? AS tsquery) AND ${where.sql}`,
            [toTsQuery(terms), ...where.params],
          )
        : await runSql<{ n: number }>(
            this.dataSource,
            `SELECT COUNT(*) AS n FROM article_search JOIN articles a ON a.id = article_search.rowid WHERE article_search MATCH ? AND ${where.sql}`,
            [toFts5Match(terms), ...where.params],
          );
    return Number(row.n);
  }
}
