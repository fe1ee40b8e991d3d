import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * related_index.term_counts: beside the distinct terms an article was counted
 * with (`terms`, JSON), how often its token stream had each (JSON, same
 * order), or NULL where the writer did not keep them (the incremental
 * indexer). The bulk build's count tokenizes every article once and writes
 * both; its profiling pass builds each profile from them instead of reading
 * the article's body again and tokenizing it a second time (the stemmers
 * are most of a build's CPU).
 */
export class CountedTermTallies1765000000000 implements MigrationInterface {
  name = 'CountedTermTallies1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE related_index ADD COLUMN term_counts TEXT');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE related_index DROP COLUMN term_counts');
  }
}
