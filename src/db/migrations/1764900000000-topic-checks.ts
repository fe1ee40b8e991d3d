import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * topic_checks: one row, what the last topic retrain check counted (the
 * labelled articles per language, as JSON) and the change marker it saw
 * (TopicRepository.changeMarker). A process starting on an archive where
 * nothing moved since reuses the counts instead of counting again: a read
 * of every article's index entry, 2-5 s at 1,000,000 articles on SQLite's
 * one connection, right after start-up, at every restart.
 */
export class TopicChecks1764900000000 implements MigrationInterface {
  name = 'TopicChecks1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE topic_checks (
      id INTEGER PRIMARY KEY,
      marker VARCHAR(100) NOT NULL,
      labelled TEXT NOT NULL,
      checked_at BIGINT NOT NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE topic_checks');
  }
}
