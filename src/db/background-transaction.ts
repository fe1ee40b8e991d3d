import type { DataSource, EntityManager } from 'typeorm';
import { dialectOf } from './sql';
import { markAsBackground, runAsSqliteBackground } from './statement-counter';
import { takeWriteLockFirst, UnitOfWork } from './unit-of-work';

/**
 * A transaction for work no request caused (indexers, outbox pruning): its
 * statements, BEGIN and COMMIT included, count as background, so
 * per-request statement counts stay exact. PostgreSQL: a query runner of its
 * own, marked. SQLite: the one shared connection, during a transaction that
 * awaits nothing but the database (see runAsSqliteBackground).
 */
export async function backgroundTransaction<T>(db: DataSource | EntityManager, work: (manager: EntityManager) => Promise<T>): Promise<T> {
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
    return await runner.manager.transaction(work);
  } finally {
    await runner.release();
  }
}

/**
 * A unit of work in a background transaction: the indexer's batches get
 * repositories bound to it (`unit.get(...)`), never the transaction handle.
 */
export async function runBackgroundUnitOfWork<T>(db: DataSource | EntityManager, work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
  let unit: UnitOfWork | null = null;
  const result = await backgroundTransaction(db, async (manager) => {
    unit = new UnitOfWork(manager);
    const value = await work(unit);
    await unit.runBeforeCommit();
    return value;
  });
  (unit as UnitOfWork | null)?.runCommitted();
  return result;
}
