import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * topic_models: each language's topic model (src/topics), learned from its
 * categorized articles. `version` moves on every training, so every process
 * reloads a model it holds an older version of; `labelled` is how many
 * categorized articles the language had then (the service retrains when that
 * grows or shrinks enough). The model is JSON: topics and centroid weights.
 * Topic distributions are not stored: each is a cheap function of the model
 * and the article's stored profile (article_terms).
 */
export class TopicModels1764700000000 implements MigrationInterface {
  name = 'TopicModels1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE topic_models (
      language VARCHAR(35) PRIMARY KEY,
      version INTEGER NOT NULL,
      trained_at BIGINT NOT NULL,
      labelled INTEGER NOT NULL,
      examples INTEGER NOT NULL,
      model TEXT NOT NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE topic_models');
  }
}
