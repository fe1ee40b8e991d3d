import { DataSource } from 'typeorm';
import { createDataSource } from '../src/db/data-source';
import { migrations } from '../src/db/migrations';
import { runCli } from './helpers/cli';
import { createTestDatabase, type TestDatabase } from './helpers/test-database';

/**
 * Several instances starting together on one empty database: each applies
 * pending migrations at start. Without a lock two of them would both run
 * the first migration and one would fail (or half-apply it).
 */
describe('migrations when several processes start at once', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('applies every migration exactly once, and every process starts', async () => {
    const starts = await Promise.all([1, 2, 3].map(() => runCli(['migrate'], db.database.url)));
    for (const start of starts) {
      expect(start.stderr).toBe('');
      expect(start).toMatchObject({ code: 0 });
      expect(start.stdout).toContain('Database is up to date.');
    }
    const dataSource: DataSource = createDataSource(db.database);
    await dataSource.initialize();
    try {
      const applied: Array<{ name: string }> = await dataSource.query('SELECT name FROM migrations ORDER BY id');
      expect(applied.map((row) => row.name)).toEqual(migrations.map((migration) => migration.name));
    } finally {
      await dataSource.destroy();
    }
  });
});
