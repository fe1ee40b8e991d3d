import type { MigrationInterface } from 'typeorm';
import { openCore, type Core } from '../../src/composition-root';
import { RelatedIndexer } from '../../src/related/related.indexer';
import { CORPUS_DIR } from '../../src/seeding/demo.seed';
import { loadBaseArticles } from '../../src/synth/synth.corpus';
import { SynthService } from '../../src/synth/synth.service';
import { SYNTH_DEFAULTS } from '../../src/synth/synth.drafts';
import { createTestDatabase, testConfig, type TestDatabase } from './test-database';

/**
 * A fresh test database holding a small synthetic archive (every twelfth
 * corpus article, `articles` in all, every language) with its related index
 * built one article at a time: what the migrations' tests move up and down.
 */
export async function openIndexedArchive(articles = 120): Promise<{ db: TestDatabase; core: Core }> {
  const db = await createTestDatabase();
  const core = await openCore(testConfig(db.database));
  const bases = loadBaseArticles(CORPUS_DIR).filter((_, index) => index % 12 === 0);
  await new SynthService(core.repositories.writes, core.services.writer).generate(bases, articles, SYNTH_DEFAULTS);
  await new RelatedIndexer(core.repositories.related, { bulkBacklog: Number.POSITIVE_INFINITY }).drain({ batchSize: 40 });
  return { db, core };
}

/** Runs one step of a migration on its own query runner. */
export async function runMigration(core: Core, migration: MigrationInterface, step: 'up' | 'down'): Promise<void> {
  const runner = core.dataSource.createQueryRunner();
  try {
    await migration[step](runner);
  } finally {
    await runner.release();
  }
}
