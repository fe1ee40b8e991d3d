import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SQLite: the columns a search filter tests (publishedWhere), keyed by id.
 * Search walks its full-text matches newest first and keeps the first 5,000
 * that pass the filter; reading status and language from each article's row
 * in the table is a page per match (rows carry their bodies), so on a cold
 * page cache a query took 230-600 ms at 1,000,000 articles. This index holds
 * about 40 bytes an article, and the search reads it instead (INDEXED BY in
 * search.repository.ts): 30-125 ms cold. PostgreSQL plans search
 * differently (GIN, then a join) and gets nothing here.
 */
export class ArticleFilterIndex1764800000000 implements MigrationInterface {
  name = 'ArticleFilterIndex1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type === 'postgres') return;
    await runner.query(`CREATE INDEX ${ARTICLE_FILTER_INDEX} ON articles (id, status, language, published_at, category_id, source_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type === 'postgres') return;
    await runner.query(`DROP INDEX ${ARTICLE_FILTER_INDEX}`);
  }
}

/** Named where search forces it (search.repository.ts). */
export const ARTICLE_FILTER_INDEX = 'ix_articles_filters_by_id';
