import type { EntityManager } from 'typeorm';
import { dialectOf, runSql } from './sql';

/**
 * Transaction-level advisory locks: writers that take the same key run one
 * at a time across processes and instances, from the lock to their commit.
 * SQLite needs none (a write transaction holds the file's one write lock
 * from its first statement, see takeWriteLockFirst). Keys are any constants
 * the writers share; they are listed here so no two uses collide.
 */
export const WriterLock = {
  /** Migrations (a session lock, taken in data-source.ts). */
  migrations: 0x4842_4d47, // "HBMG"
  /** article_events: ids taken in commit order (article-event.writes.ts). */
  outbox: 0x4842_4556, // "HBEV"
  /**
   * The related index's writers: every server instance's indexer, `habari
   * reindex` and topic training's requeue. Two of them at once deadlocked on
   * PostgreSQL: one claims (deletes) queue rows and then queues neighbours,
   * the other queues neighbours that include the claimed rows, each waiting
   * for the other's uncommitted rows. They write the same term statistics
   * anyway, so running them in turn costs no real parallelism.
   */
  relatedIndex: 0x4842_5249, // "HBRI"
} as const;

export type WriterLockKey = (typeof WriterLock)[keyof typeof WriterLock];

/** Holds `key` until the transaction `manager` belongs to ends (PostgreSQL; SQLite: nothing to do). */
export async function holdWriterLock(manager: EntityManager, key: WriterLockKey): Promise<void> {
  if (dialectOf(manager) === 'postgres') await runSql(manager, 'SELECT pg_advisory_xact_lock(?)', [key]);
}

/** How often a unit of work that only touches the database is run again after such a rollback. */
export const CONFLICT_REPLAYS = 5;

/** PostgreSQL's answers for a transaction it rolled back to break a conflict: deadlock_detected, serialization_failure. */
const TRANSIENT_CONFLICTS = new Set(['40P01', '40001']);

/** Whether `error` is a conflict the database resolved by rolling this transaction back: running it again may succeed. */
export function isTransientConflict(error: unknown): boolean {
  const failure = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = failure?.driverError?.code ?? failure?.code;
  return typeof code === 'string' && TRANSIENT_CONFLICTS.has(code);
}
