import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys, who wrote each article, and the article change history.
 * - api_keys: only a SHA-256 of each key is stored (the key itself is shown
 *   once, by `habari keys create`). A name is unique among keys that are not
 *   revoked, so a revoked name can be given to its replacement.
 * - articles.updated_by: the name of the key behind the last write (NULL for
 *   the command line). Added at the end of the row, after the body, and read
 *   only when an editor asks for it, so lists never reach for it.
 * - article_history: one row per write made with a key. No foreign key to
 *   articles: the history of a deleted article stays readable.
 */
export class KeysAndHistory1764500000000 implements MigrationInterface {
  name = 'KeysAndHistory1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    const pk = pg ? 'SERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
    const statements = [
      `CREATE TABLE api_keys (
        id ${pk},
        name VARCHAR(100) NOT NULL,
        role VARCHAR(16) NOT NULL CHECK (role IN ('editor', 'admin')),
        key_hash VARCHAR(64) NOT NULL,
        key_prefix VARCHAR(16) NOT NULL,
        created_at BIGINT NOT NULL,
        last_used_at BIGINT,
        revoked_at BIGINT)`,
      `CREATE UNIQUE INDEX uq_api_keys_hash ON api_keys (key_hash)`,
      `CREATE UNIQUE INDEX uq_api_keys_active_name ON api_keys (name) WHERE revoked_at IS NULL`,
      `ALTER TABLE articles ADD COLUMN updated_by VARCHAR(100)`,
      `CREATE TABLE article_history (
        id ${pk},
        article_id INTEGER NOT NULL,
        version INTEGER NOT NULL,
        kind VARCHAR(16) NOT NULL CHECK (kind IN ('CREATED', 'UPDATED', 'PUBLISHED', 'UNPUBLISHED', 'ARCHIVED', 'DELETED')),
        key_id INTEGER REFERENCES api_keys (id),
        key_name VARCHAR(100),
        created_at BIGINT NOT NULL)`,
      `CREATE INDEX ix_article_history_article ON article_history (article_id, id)`,
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE article_history');
    await runner.query('ALTER TABLE articles DROP COLUMN updated_by');
    await runner.query('DROP TABLE api_keys');
  }
}
