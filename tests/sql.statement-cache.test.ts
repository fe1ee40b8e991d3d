import type { DataSource } from 'typeorm';
import { openDatabase } from '../src/db/data-source';
import { marks, preparedSqlChars, runSql } from '../src/db/sql';
import { createTestDatabase, testDialect, type TestDatabase } from './helpers/test-database';

/**
 * Prepared statements on SQLite are cached, and one with a long IN list holds
 * native memory in proportion to its text (about 0.7 MB for 4,000
 * parameters). Lists of many sizes (every long lookup's last slice) must not
 * pile up: the cache is bounded by its statements' total text, and what it
 * evicts still runs correctly when asked again.
 */
(testDialect === 'sqlite' ? describe : describe.skip)('the SQLite statement cache', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.database);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('keeps at most 256 K characters of SQL prepared, however many long IN lists of different sizes run', async () => {
    const lookup = (size: number) => {
      const ids = Array.from({ length: size }, (_, at) => at + 1);
      return runSql<{ n: number }>(dataSource, `SELECT COUNT(*) AS n FROM articles WHERE id IN (${marks(size)})`, ids);
    };
    for (let size = 1_000; size < 1_300; size++) expect(Number((await lookup(size))[0].n)).toBe(0);
    // 300 statements of 3,000-3,900 characters: about 1 MB of text if they were all kept.
    expect(preparedSqlChars(dataSource)).toBeGreaterThan(100_000);
    expect(preparedSqlChars(dataSource)).toBeLessThanOrEqual(256 * 1024);
    // The first sizes were evicted; asked again they are prepared again and answer alike.
    expect(Number((await lookup(1_000))[0].n)).toBe(0);
    await runSql(dataSource, 'SELECT 1');
    expect(preparedSqlChars(dataSource)).toBeLessThanOrEqual(256 * 1024);
  });
});
