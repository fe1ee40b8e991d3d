import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { runCli } from './helpers/cli';
import { createTestDatabase, testDialect, type TestDatabase } from './helpers/test-database';

/**
 * PostgreSQL plans from table statistics; right after a bulk load it has
 * none until autovacuum comes by, and chose a (language, status) index for a
 * lookup by slug (13 ms instead of 0.25 ms at 20,000 articles). Bulk
 * commands analyze when they are done.
 */
(testDialect === 'postgres' ? describe : describe.skip)('bulk commands leave PostgreSQL with fresh planner statistics', () => {
  let database: TestDatabase;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-analyze-'));
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const lastAnalyzed = async (): Promise<Date | null> => {
    const client = new Client({ connectionString: database.database.url });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'articles'");
      return rows[0]?.last_analyze ?? null;
    } finally {
      await client.end();
    }
  };

  it('habari import and habari reindex analyze the tables they filled', async () => {
    const file = path.join(dir, 'few.tsv');
    fs.writeFileSync(file, 'category\theadline\ttext\turl\nsiasa\tBunge lakutana leo\tWabunge walijadili bajeti mpya ya serikali.\thttps://example.org/bunge\n');
    expect(await runCli(['migrate'], database.database.url)).toMatchObject({ code: 0 });
    expect(await lastAnalyzed()).toBeNull();

    const imported = await runCli(['import', file, '--language', 'sw', '--publish'], database.database.url);
    expect(imported.code).toBe(0);
    const afterImport = await lastAnalyzed();
    expect(afterImport).toBeInstanceOf(Date);

    const reindexed = await runCli(['reindex'], database.database.url);
    expect(reindexed.code).toBe(0);
    expect((await lastAnalyzed())!.getTime()).toBeGreaterThan(afterImport!.getTime());
  }, 180_000);
});
