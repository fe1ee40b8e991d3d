import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The core tables. Written as SQL per dialect (not generated) so the schema is
 * reviewed like code and identical in meaning on SQLite and PostgreSQL.
 * Timestamps are epoch milliseconds (see epoch-ms.transformer.ts). The
 * bodies are the last columns of articles: SQLite stores a row's tail in
 * overflow pages, and a list that filters on status or sorts by date should
 * never have to read through several kilobytes of body to reach them.
 */
export class CoreSchema1732600000000 implements MigrationInterface {
  name = 'CoreSchema1732600000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    const pk = pg ? 'SERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
    const statements = [
      `CREATE TABLE categories (
        id ${pk},
        slug VARCHAR(200) NOT NULL,
        name VARCHAR(200) NOT NULL,
        language VARCHAR(35) NOT NULL)`,
      `CREATE UNIQUE INDEX uq_categories_language_slug ON categories (language, slug)`,
      `CREATE TABLE sources (
        id ${pk},
        slug VARCHAR(200) NOT NULL UNIQUE,
        name VARCHAR(200) NOT NULL,
        url VARCHAR(2048))`,
      `CREATE TABLE images (
        id ${pk},
        url VARCHAR(2048),
        caption TEXT,
        credit VARCHAR(500),
        alt TEXT,
        width INTEGER,
        height INTEGER)`,
      `CREATE TABLE articles (
        id ${pk},
        slug VARCHAR(200) NOT NULL,
        language VARCHAR(35) NOT NULL,
        title TEXT NOT NULL,
        standfirst TEXT,
        status VARCHAR(16) NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
        published_at BIGINT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        reading_time_minutes INTEGER NOT NULL,
        word_count INTEGER NOT NULL,
        canonical_url VARCHAR(2048),
        content_hash VARCHAR(64) NOT NULL,
        draft_fingerprint VARCHAR(64),
        tags TEXT NOT NULL,
        version INTEGER NOT NULL,
        category_id INTEGER REFERENCES categories (id),
        source_id INTEGER REFERENCES sources (id),
        lead_image_id INTEGER REFERENCES images (id),
        body TEXT NOT NULL,
        body_text TEXT NOT NULL)`,
      `CREATE UNIQUE INDEX uq_articles_language_slug ON articles (language, slug)`,
      `CREATE UNIQUE INDEX uq_articles_canonical_url ON articles (canonical_url)`,
      `CREATE INDEX ix_articles_status_published ON articles (status, published_at, id)`,
      `CREATE INDEX ix_articles_language_status_published ON articles (language, status, published_at, id)`,
      `CREATE INDEX ix_articles_category_status_published ON articles (category_id, status, published_at, id)`,
      `CREATE INDEX ix_articles_source_status_published ON articles (source_id, status, published_at, id)`,
      `CREATE INDEX ix_articles_status_updated ON articles (status, updated_at, id)`,
      `CREATE INDEX ix_articles_content_hash ON articles (content_hash)`,
      `CREATE INDEX ix_articles_lead_image ON articles (lead_image_id)`,
      `CREATE TABLE article_images (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        image_id INTEGER NOT NULL REFERENCES images (id),
        PRIMARY KEY (article_id, position))`,
      `CREATE INDEX ix_article_images_image ON article_images (image_id)`,
      `CREATE TABLE article_tags (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        tag VARCHAR(100) NOT NULL,
        PRIMARY KEY (article_id, tag))`,
      `CREATE INDEX ix_article_tags_tag ON article_tags (tag, article_id)`,
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['article_tags', 'article_images', 'articles', 'images', 'sources', 'categories']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
