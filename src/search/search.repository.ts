import type { DataSource } from 'typeorm';
import { dialectOf, runSql } from '../db/sql';
import { publishedWhere, type ArticleListFilter } from '../articles/article.list-sql';
import { toFts5Match } from './search.fts5';
import { toTsQuery } from './search.tsquery';
import { ARTICLE_FILTER_INDEX } from '../db/migrations/1764800000000-article-filter-index';

export interface RankedId {
  id: number;
  score: number;
}

/**
 * The search index, per dialect: SQLite FTS5 with bm25 (title 10, standfirst
 * 4, body 1), PostgreSQL tsvector/GIN with ts_rank weighted the same way.
 * Terms are always bound parameters built by toFts5Match/toTsQuery, never
 * spliced into SQL. On SQLite the filter reads a covering index of the
 * filter columns by id, not the articles' rows (ArticleFilterIndex
 * migration). Answers ids and scores only: the articles load through
 * ArticleRepository, and which articles a filter admits is articles'
 * own rule (publishedWhere).
 */
export const DEFAULT_RANK_WINDOW = 5_000;

export class SearchRepository {
  private readonly rankWindow: number;

  constructor(
    private readonly dataSource: DataSource,
    options: { rankWindow?: number } = {},
  ) {
    this.rankWindow = options.rankWindow ?? DEFAULT_RANK_WINDOW;
  }

  /**
   * One page of matching ids, best first. Ranking touches only the index and
   * the small columns the filters need, never the bodies of every match.
   * Relevance is computed for the `rankWindow` most recently added matches
   * only (the index walks them newest first and stops): a query whose words
   * are in half the archive would otherwise score every one of its matches
   * (1.4 s for 270,000 matches at 1,000,000 articles, against 0.16 s for a
   * window of 10,000), and a news reader wants the best of the recent ones.
   * Queries with fewer matches than the window rank all of them.
   */
  async rank(terms: string[], filter: ArticleListFilter, limit: number, offset: number): Promise<RankedId[]> {
    const where = publishedWhere(filter);
    const rows =
      dialectOf(this.dataSource) === 'postgres'
        ? await runSql(
            this.dataSource,
            `SELECT id, score FROM (
               SELECT a.id, ts_rank('{0.05, 0.1, 0.4, 1.0}', s.document, q) AS score
               FROM article_search s JOIN articles a ON a.id = s.article_id CROSS JOIN CAST(? AS tsquery) AS q
               WHERE s.document @@ q AND ${where.sql}
               ORDER BY s.article_id DESC LIMIT ${this.rankWindow}) w
             ORDER BY score DESC, id ASC LIMIT ${limit} OFFSET ${offset}`,
            [toTsQuery(terms), ...where.params],
          )
        : await runSql(
            this.dataSource,
            `SELECT id, score FROM (
               SELECT a.id AS id, -bm25(article_search, 10.0, 4.0, 1.0) AS score
               FROM article_search JOIN articles a INDEXED BY ${ARTICLE_FILTER_INDEX} ON a.id = article_search.rowid
               WHERE article_search MATCH ? AND ${where.sql}
               ORDER BY article_search.rowid DESC LIMIT ${this.rankWindow})
             ORDER BY score DESC, id ASC LIMIT ${limit} OFFSET ${offset}`,
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
            `SELECT COUNT(*) AS n FROM article_search JOIN articles a INDEXED BY ${ARTICLE_FILTER_INDEX} ON a.id = article_search.rowid WHERE article_search MATCH ? AND ${where.sql}`,
            [toFts5Match(terms), ...where.params],
          );
    return Number(row.n);
  }
}
