import type { DataSource } from 'typeorm';
import { runBackgroundUnitOfWork } from '../src/db/background-transaction';
import { openDatabase } from '../src/db/data-source';
import { runSql } from '../src/db/sql';
import type { UnitOfWork } from '../src/db/unit-of-work';
import { CONFLICT_REPLAYS, isTransientConflict } from '../src/db/writer-locks';
import { RelatedIndexWrites } from '../src/related/related.index-writes';
import { RelatedRepository } from '../src/related/related.repository';
import { createTestDatabase, testDialect, type TestDatabase } from './helpers/test-database';

/**
 * Two related-index writers on one PostgreSQL database (a server's indexer
 * and `habari reindex`, or two instances), each on a connection pool of its
 * own, interleaved the way that deadlocked in CI: each queues an article the
 * other has queued and not yet committed, in the opposite order. SQLite runs
 * one writer at a time by itself.
 */
(testDialect === 'postgres' ? describe : describe.skip)('related-index writers on PostgreSQL take turns instead of deadlocking', () => {
  let db: TestDatabase;
  let first: DataSource;
  let second: DataSource;
  const now = new Date('2026-12-01T00:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase();
    first = await openDatabase(db.database);
    second = await openDatabase(db.database);
  });
  afterAll(async () => {
    await first?.destroy();
    await second?.destroy();
    await db?.drop();
  });
  beforeEach(async () => {
    await runSql(first, 'DELETE FROM related_queue');
  });

  /** Resolves once some other transaction on the database waits for a lock (a row's, a transaction's or an advisory one). */
  async function someoneWaitsForALock(): Promise<void> {
    for (let tries = 0; tries < 200; tries++) {
      const rows = await runSql(first, "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
      if (rows.length) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('no transaction ever waited for a lock');
  }

  type Transaction = (work: (unit: UnitOfWork) => Promise<void>) => Promise<void>;

  /** A queues 1 and, once B waits, 2; B queues 2 then 1. Without turns, each ends up waiting for the other. */
  async function crossedWriters(a: Transaction, b: Transaction): Promise<PromiseSettledResult<void>[]> {
    let releaseA!: () => void;
    const aMayGoOn = new Promise<void>((resolve) => (releaseA = resolve));
    let aHolds!: () => void;
    const aHoldsOne = new Promise<void>((resolve) => (aHolds = resolve));
    const writerA = a(async (unit) => {
      await unit.get(RelatedIndexWrites).enqueueNeighbours([1], now);
      aHolds();
      await aMayGoOn;
      await unit.get(RelatedIndexWrites).enqueueNeighbours([2], now);
    });
    await aHoldsOne;
    const writerB = b(async (unit) => {
      await unit.get(RelatedIndexWrites).enqueueNeighbours([2], now);
      await unit.get(RelatedIndexWrites).enqueueNeighbours([1], now);
    });
    await someoneWaitsForALock();
    releaseA();
    return Promise.allSettled([writerA, writerB]);
  }

  const queued = async () => (await runSql<{ article_id: number }>(first, 'SELECT article_id FROM related_queue ORDER BY article_id')).map((row) => Number(row.article_id));

  it('two indexers in different processes (one RelatedRepository each) both commit', async () => {
    const a = new RelatedRepository(first);
    const b = new RelatedRepository(second);
    const outcomes = await crossedWriters(
      (work) => a.transaction(work),
      (work) => b.transaction(work),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await queued()).toEqual([1, 2]);
  });

  it('without turns the same interleaving deadlocks, and PostgreSQL rolls one writer back', async () => {
    const outcomes = await crossedWriters(
      (work) => runBackgroundUnitOfWork(first, work),
      (work) => runBackgroundUnitOfWork(second, work),
    );
    const failed = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect(isTransientConflict(failed[0].reason)).toBe(true);
  });

  it('a unit of work that only touches the database is run again after that rollback, and both commit', async () => {
    let attempts = 0;
    const outcomes = await crossedWriters(
      (work) => runBackgroundUnitOfWork(first, (unit) => ((attempts += 1), work(unit)), { retries: CONFLICT_REPLAYS }),
      (work) => runBackgroundUnitOfWork(second, (unit) => ((attempts += 1), work(unit)), { retries: CONFLICT_REPLAYS }),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(attempts).toBe(3);
    expect(await queued()).toEqual([1, 2]);
  });
});
