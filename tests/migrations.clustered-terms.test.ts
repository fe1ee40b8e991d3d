import type { Core } from '../src/composition-root';
import { ClusteredTermTables1765100000000 } from '../src/db/migrations/1765100000000-clustered-term-tables';
import { runSql } from '../src/db/sql';
import { openIndexedArchive, runMigration } from './helpers/indexed-archive';
import { testDialect, type TestDatabase } from './helpers/test-database';

/**
 * ClusteredTermTables: on SQLite, article_terms and term_stats are WITHOUT
 * ROWID tables (one B-tree each, in key order); the migration moves an
 * indexed archive's rows both ways without losing or changing one, and
 * keeps the candidate search's term index as it found it. On PostgreSQL it does nothing.
 */
describe('term tables kept in key order (migration)', () => {
  let db: TestDatabase;
  let core: Core;
  const sql = (text: string, params: unknown[] = []) => runSql<any>(core.dataSource, text, params);
  const run = (step: 'up' | 'down') => runMigration(core, new ClusteredTermTables1765100000000(), step);
  const rows = async () => ({
    profiles: await sql('SELECT article_id, term, weight FROM article_terms ORDER BY article_id, term'),
    stats: await sql('SELECT language, term, df FROM term_stats ORDER BY language, term'),
  });
  const definition = async (table: string) => (await sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]))[0]?.sql as string;
  const termIndexExists = async () => (await sql("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'ix_article_terms_term'")).length > 0;

  beforeAll(async () => ({ db, core } = await openIndexedArchive()), 300_000);
  afterAll(async () => {
    await core.close();
    await db.drop();
  });

  (testDialect === 'sqlite' ? it : it.skip)('leaves a migrated SQLite database with both tables WITHOUT ROWID, and moves every row both ways', async () => {
    expect(await definition('article_terms')).toMatch(/WITHOUT ROWID\s*$/);
    expect(await definition('term_stats')).toMatch(/WITHOUT ROWID\s*$/);
    const before = await rows();
    expect(before.profiles.length).toBeGreaterThan(1_000);
    expect(before.stats.length).toBeGreaterThan(1_000);

    await run('down');
    expect(await definition('article_terms')).not.toMatch(/WITHOUT ROWID/);
    expect(await definition('term_stats')).not.toMatch(/WITHOUT ROWID/);
    expect(await rows()).toEqual(before);
    expect(await termIndexExists()).toBe(true);

    await run('up');
    expect(await definition('article_terms')).toMatch(/WITHOUT ROWID\s*$/);
    expect(await rows()).toEqual(before);
    expect(await termIndexExists()).toBe(true);
    // The candidate search still walks the term index.
    const plan = await sql("EXPLAIN QUERY PLAN SELECT article_id FROM article_terms WHERE term = 'x'");
    expect(plan.map((step: any) => step.detail).join(' ')).toContain('ix_article_terms_term');
    // A profile row deleted with its article (the foreign key survived the rebuild).
    const [{ article_id: someone }] = before.profiles;
    await sql('DELETE FROM articles WHERE id = ?', [someone]);
    expect(await sql('SELECT 1 FROM article_terms WHERE article_id = ?', [someone])).toEqual([]);
  });

  (testDialect === 'sqlite' ? it : it.skip)('leaves the term index absent where a stopped bulk build had dropped it', async () => {
    await sql('DROP INDEX ix_article_terms_term');
    await run('down');
    expect(await termIndexExists()).toBe(false);
    await run('up');
    expect(await termIndexExists()).toBe(false);
    await sql('CREATE INDEX ix_article_terms_term ON article_terms (term, article_id)');
  });

  (testDialect === 'postgres' ? it : it.skip)('changes nothing on PostgreSQL', async () => {
    const before = await rows();
    await run('down');
    await run('up');
    expect(await rows()).toEqual(before);
  });
});
