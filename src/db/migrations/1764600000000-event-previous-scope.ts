import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where an article was before the change an event records (language,
 * category and source slugs), for updates that move it and for takedowns:
 * the response cache must drop the lists it left, not only those it entered,
 * and other instances and the CLI only tell each other through the outbox.
 * Null for PUBLISHED events (the article was not public before).
 */
export class EventPreviousScope1764600000000 implements MigrationInterface {
  name = 'EventPreviousScope1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE article_events ADD COLUMN previous_language VARCHAR(35)');
    await runner.query('ALTER TABLE article_events ADD COLUMN previous_category_slug VARCHAR(200)');
    await runner.query('ALTER TABLE article_events ADD COLUMN previous_source_slug VARCHAR(200)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE article_events DROP COLUMN previous_source_slug');
    await runner.query('ALTER TABLE article_events DROP COLUMN previous_category_slug');
    await runner.query('ALTER TABLE article_events DROP COLUMN previous_language');
  }
}
