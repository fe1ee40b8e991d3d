import type { DataSource, EntityManager } from 'typeorm';
import { dialectOf } from './sql';
import { markAsBackground, runAsSqliteBackground } from './statement-counter';

/**
 * A transaction for work no request caused (indexers, outbox pruning): its
 * statements, BEGIN and COMMIT included, count as background, so
 * per-request statement counts stay exact. PostgreSQL: a query runner of its
 * own, marked. SQLite: the one shared connection, during a transaction that
 * awaits nothing but the database (see runAsSqliteBackground).
 */
export async function backgroundTransaction<T>(db: DataSource | EntityManager, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const dataSource = 'connection' in db ? db.connection : db;
  if (dialectOf(dataSource) === 'sqlite') return runAsSqliteBackground(() => dataSource.transaction(work));
  const runner = markAsBackground(dataSource.createQueryRunner());
  try {
    return await runner.manager.transaction(work);
  } finally {
    await runner.release();
  }
}
