import type { DataSource, EntityManager } from 'typeorm';
import { dialectOf, runSql } from './sql';

/**
 * A repository whose statements run in one unit of work's transaction. The
 * unit of work builds it with its own transaction handle, so code outside
 * repositories and db/ never holds an EntityManager.
 */
export type BoundRepository<R> = new (manager: EntityManager) => R;

interface DeferredWork {
  beforeCommit: Array<() => Promise<void>>;
  afterCommit: Array<() => void>;
}

/**
 * One transaction and what must happen around it: repositories bound to it
 * (`get`), work that runs at its end (`beforeCommit`), callbacks that run only
 * once it has committed (`afterCommit`), and nested units in savepoints.
 */
export class UnitOfWork {
  private readonly bound = new Map<BoundRepository<unknown>, unknown>();
  private readonly boundByKey = new WeakMap<object, unknown>();
  /** Deferred work per savepoint level: a rolled-back savepoint drops its own, a released one hands it to its parent. */
  private readonly levels: DeferredWork[] = [{ beforeCommit: [], afterCommit: [] }];

  constructor(protected readonly manager: EntityManager) {}

  /** The repository of this type bound to this transaction; one instance per unit of work, so it may remember what it read. */
  get<R>(type: BoundRepository<R>): R {
    let repository = this.bound.get(type) as R | undefined;
    if (!repository) {
      repository = new type(this.manager);
      this.bound.set(type, repository);
    }
    return repository;
  }

  /**
   * For a repository that carries state across transactions (a cache): its
   * copy bound to this transaction, made once per unit by `create`. Only
   * repositories call it (the manager never leaves them).
   */
  bind<R>(key: object, create: (manager: EntityManager) => R): R {
    let repository = this.boundByKey.get(key) as R | undefined;
    if (!repository) {
      repository = create(this.manager);
      this.boundByKey.set(key, repository);
    }
    return repository;
  }

  private get current(): DeferredWork {
    return this.levels[this.levels.length - 1];
  }

  /** Defers `callback` until the whole transaction commits (e.g. announcing an event). */
  afterCommit(callback: () => void): void {
    this.current.afterCommit.push(callback);
  }

  /**
   * Runs `work` at the end of the transaction, still inside it, in the order
   * registered; dropped if the savepoint around the call rolls back. For
   * writes that are cheaper together than one by one: SQLite's FTS5 keeps
   * new index entries in memory until the transaction ends, but every
   * savepoint (and every statement with RETURNING, which opens one) makes it
   * write them out as a new segment first. Indexing 500 articles inside 500
   * savepoints cost more than writing the articles themselves.
   */
  beforeCommit(work: () => Promise<void>): void {
    this.current.beforeCommit.push(work);
  }

  /** Runs `work` in a savepoint: if it throws, only its own writes (and deferred work) are undone. */
  async savepoint<T>(work: () => Promise<T>): Promise<T> {
    const runner = this.manager.queryRunner;
    if (!runner) throw new Error('savepoint() needs a transaction-bound manager');
    await runner.startTransaction();
    this.levels.push({ beforeCommit: [], afterCommit: [] });
    try {
      const result = await work();
      await runner.commitTransaction();
      const released = this.levels.pop()!;
      this.current.beforeCommit.push(...released.beforeCommit);
      this.current.afterCommit.push(...released.afterCommit);
      return result;
    } catch (error) {
      this.levels.pop();
      await runner.rollbackTransaction();
      throw error;
    }
  }

  /** @internal Run by runUnitOfWork when the work returned, before COMMIT. */
  async runBeforeCommit(): Promise<void> {
    const pending = this.current.beforeCommit.splice(0);
    for (const work of pending) await work();
  }

  /** @internal Run by runUnitOfWork once the transaction committed. */
  runCommitted(): void {
    for (const callback of this.current.afterCommit) {
      try {
        callback();
      } catch {
        // A listener's failure must not turn a committed write into an error.
      }
    }
  }
}

/**
 * TypeORM begins SQLite transactions DEFERRED. One that reads first cannot
 * become the writer once another process (the server beside an import or a
 * reindex) has committed since its read: SQLite answers "database is locked"
 * at once (SQLITE_BUSY_SNAPSHOT; busy_timeout does not apply), for every
 * write left in the transaction. Taking the write lock with the first
 * statement, as BEGIN IMMEDIATE would, makes it wait for busy_timeout
 * instead. PostgreSQL needs nothing.
 */
export async function takeWriteLockFirst(manager: EntityManager): Promise<void> {
  if (dialectOf(manager) === 'sqlite') await runSql(manager, 'UPDATE articles SET id = id WHERE 0');
}

/**
 * Runs `work` in one write transaction on a unit of work made by `create`;
 * its after-commit callbacks run only once the transaction has committed.
 */
export async function runUnitOfWork<U extends UnitOfWork, T>(
  dataSource: DataSource,
  create: (manager: EntityManager) => U,
  work: (unit: U) => Promise<T>,
): Promise<T> {
  let unit: U | null = null;
  const result = await dataSource.transaction(async (manager) => {
    await takeWriteLockFirst(manager);
    unit = create(manager);
    const value = await work(unit);
    await unit.runBeforeCommit();
    return value;
  });
  (unit as U | null)?.runCommitted();
  return result;
}
