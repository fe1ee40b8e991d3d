import Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { ArticleRepository } from '../src/articles/article.repository';
import { runBackgroundUnitOfWork } from '../src/db/background-transaction';
import { openDatabase } from '../src/db/data-source';
import { runSql } from '../src/db/sql';
import { createTestDatabase, testDialect, type TestDatabase } from './helpers/test-database';

/**
 * A background unit of work (the related indexer's batches, `habari
 * reindex`) on a SQLite file that another process writes too: it must hold
 * the write lock from its first statement. A transaction that reads first
 * and writes later fails at once with SQLITE_BUSY_SNAPSHOT when the other
 * process committed in between (busy_timeout does not apply), which is how
 * `habari reindex` beside a busy server used to die.
 */
(testDialect === 'sqlite' ? describe : describe.skip)('background units of work on a shared SQLite file', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let other: Database.Database;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.database);
    // Another process's connection, which gives up at once instead of waiting.
    if (database.database.kind !== 'sqlite') throw new Error('SQLite only');
    other = new Database(database.database.file, { timeout: 0 });
  });
  afterAll(async () => {
    other?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  const otherWrites = () => other.prepare('UPDATE articles SET id = id WHERE 0').run();

  it('a plain transaction that has only read leaves the other writer free (the hazard)', async () => {
    await dataSource.transaction(async (manager) => {
      await runSql(manager, 'SELECT COUNT(*) AS n FROM articles');
      expect(otherWrites).not.toThrow();
    });
  });

  it('a background unit of work holds the write lock from its first statement, so the other writer waits its turn', async () => {
    const answer = await runBackgroundUnitOfWork(dataSource, async (unit) => {
      const count = await unit.get(ArticleRepository).countAll();
      expect(otherWrites).toThrow(/database is locked/);
      return count;
    });
    expect(answer).toBe(0);
    // Committed: the lock is free again.
    expect(otherWrites).not.toThrow();
  });
});
