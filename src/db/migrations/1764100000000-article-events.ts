import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The article event outbox (see src/subscriptions): rows are appended in the
 * article's write transaction and read in id order by every instance.
 */
export class ArticleEvents1764100000000 implements MigrationInterface {
  name = 'ArticleEvents1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    const pk = pg ? 'SERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
    const statements = [
      `CREATE TABLE article_events (
        id ${pk},
        kind VARCHAR(16) NOT NULL CHECK (kind IN ('PUBLISHED', 'UPDATED', 'UNPUBLISHED')),
        article_id INTEGER NOT NULL,
        language VARCHAR(35) NOT NULL,
        category_slug VARCHAR(200),
        source_slug VARCHAR(200),
        created_at BIGINT NOT NULL)`,
      // Instances read by id (the primary key); a subscription replays one kind, often one language.
      `CREATE INDEX ix_article_events_kind_id ON article_events (kind, id)`,
      `CREATE INDEX ix_article_events_kind_language_id ON article_events (kind, language, id)`,
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE article_events');
  }
}
