import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How far the article event outbox has been pruned (see
 * ArticleEventRepository.pruneOlderThan): events up to `pruned_through` are
 * gone, so a subscription cannot resume from a cursor below it and is told
 * so, instead of silently missing events.
 */
export class EventRetention1764400000000 implements MigrationInterface {
  name = 'EventRetention1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE article_event_retention (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      pruned_through BIGINT NOT NULL)`);
    await runner.query('INSERT INTO article_event_retention (id, pruned_through) VALUES (1, 0)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE article_event_retention');
  }
}
