import type { DataSource, EntityManager } from 'typeorm';
import { dialectOf } from './sql';
import { markAsBackground, runAsSqliteBackground } from './statement-counter';
import { takeWriteLockFirst, UnitOfWork } from './unit-of-work';
import { holdWriterLock, isTransientConflict, type WriterLockKey } from './writer-locks';

export interface BackgroundOptions {
  /** Run one at a time with every other holder of this lock, in any process (PostgreSQL; SQLite's writers already do). */
  lock?: WriterLockKey;
  /**
   * The work only reads and writes the database (nothing outside it changes
   * until it returns), so a transaction the database rolled back to break a
   * deadlock or a serialization failure is run again, up to this many times.
   */
  retries?: number;
}

/**
 * A transaction for work no request caused (indexers, outbox pruning): its
 * statements, BEGIN and COMMIT included, count as background, so
 * per-request statement counts stay exact. PostgreSQL: a query runner of its
 * own, marked. SQLite: the one shared connection, during a transaction that
 * awaits nothing but the database (see runAsSqliteBackground).
 */
export async function backgroundTransaction<T>(
  db: DataSource | EntityManager,
  work: (manager: EntityManager) => Promise<T>,
  options: BackgroundOptions = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await backgroundTransactionOnce(db, work, options.lock);
    } catch (error) {
      if (attempt >= (options.retries ?? 0) || !isTransientConflict(error)) throw error;
      // The other transaction is usually done within milliseconds; a jittered pause keeps two retries apart.
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * (attempt + 1)));
    }
  }
}

async function backgroundTransactionOnce<T>(db: DataSource | EntityManager, work: (manager: EntityManager) => Promise<T>, lock?: WriterLockKey): Promise<T> {
  const dataSource = 'connection' in db ? db.connection : db;
  if (dialectOf(dataSource) === 'sqlite') {
    // Background transactions write (indexes, queues, pruning): on a file other processes write too, they must hold the write lock from the start.
    return runAsSqliteBackground(() =>
      dataSource.transaction(async (manager) => {
        await takeWriteLockFirst(manager);
        return work(manager);
      }),
    );
  }
  const runner = markAsBackground(dataSource.createQueryRunner());
  try {
    return await runner.manager.transaction(async (manager) => {
      if (lock !== undefined) await holdWriterLock(manager, lock);
      return work(manager);
    });
  } finally {
    await runner.release();
  }
}

/**
 * A unit of work in a background transaction: the indexer's batches get
 * repositories bound to it (`unit.get(...)`), never the transaction handle.
 */
export async function runBackgroundUnitOfWork<T>(
  db: DataSource | EntityManager,
  work: (unit: UnitOfWork) => Promise<T>,
  options: BackgroundOptions = {},
): Promise<T> {
  let unit: UnitOfWork | null = null;
  // A retried attempt starts a new unit: the rolled-back one's after-commit callbacks never run.
  const result = await backgroundTransaction(
    db,
    async (manager) => {
      unit = new UnitOfWork(manager);
      const value = await work(unit);
      await unit.runBeforeCommit();
      return value;
    },
    options,
  );
  (unit as UnitOfWork | null)?.runCommitted();
  return result;
}
