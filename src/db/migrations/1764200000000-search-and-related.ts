import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search and relatedness indexes. Both hold published articles only and are
 * fed already-normalized tokens (src/text), so SQLite and PostgreSQL match the
 * same words the same way.
 * - SQLite: a contentless FTS5 table whose rowid is the article id (bm25
 *   ranking). Contentless: it keeps only the index, not a second copy of
 *   every body (snippets are cut from the article itself).
 * - PostgreSQL: a weighted tsvector per article with a GIN index, built from
 *   our tokens directly (no text-search parser in between).
 * - article_terms: each article's distinctive-term profile; term_stats and
 *   language_stats: document frequencies for idf; article_related: each
 *   article's precomputed related list, so reads are one indexed lookup;
 *   related_queue: articles whose profile or list must be recomputed.
 * - article_links: editor-curated "read more" links, in order.
 */
export class SearchAndRelated1764200000000 implements MigrationInterface {
  name = 'SearchAndRelated1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    const statements = pg
      ? [
          `CREATE TABLE article_search (
            article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            document TSVECTOR NOT NULL)`,
          `CREATE INDEX ix_article_search_document ON article_search USING GIN (document)`,
        ]
      : [`CREATE VIRTUAL TABLE article_search USING fts5(title, standfirst, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')`];
    const pk = pg ? 'SERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
    statements.push(
      `CREATE TABLE article_terms (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        term VARCHAR(200) NOT NULL,
        weight DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (article_id, term))`,
      `CREATE INDEX ix_article_terms_term ON article_terms (term, article_id)`,
      `CREATE TABLE term_stats (
        language VARCHAR(35) NOT NULL,
        term VARCHAR(200) NOT NULL,
        df INTEGER NOT NULL,
        PRIMARY KEY (language, term))`,
      `CREATE TABLE language_stats (
        language VARCHAR(35) PRIMARY KEY,
        docs INTEGER NOT NULL)`,
      `CREATE TABLE related_index (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        language VARCHAR(35) NOT NULL,
        terms TEXT NOT NULL,
        indexed_at BIGINT NOT NULL)`,
      `CREATE TABLE article_related (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        related_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        score DOUBLE PRECISION NOT NULL,
        reasons TEXT NOT NULL,
        PRIMARY KEY (article_id, position))`,
      `CREATE INDEX ix_article_related_related ON article_related (related_id)`,
      `CREATE TABLE related_queue (
        article_id INTEGER PRIMARY KEY,
        cascade_neighbours BOOLEAN NOT NULL,
        enqueued_at BIGINT NOT NULL)`,
      `CREATE TABLE article_links (
        id ${pk},
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        target_article_id INTEGER REFERENCES articles (id) ON DELETE CASCADE,
        url VARCHAR(2048),
        title TEXT,
        CHECK (target_article_id IS NOT NULL OR url IS NOT NULL))`,
      `CREATE UNIQUE INDEX uq_article_links_position ON article_links (article_id, position)`,
    );
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['article_links', 'related_queue', 'article_related', 'related_index', 'language_stats', 'term_stats', 'article_terms', 'article_search']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
