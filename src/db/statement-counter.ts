import type { Logger, QueryRunner } from 'typeorm';

/** Tag for a query builder's `.comment()`: marks a statement as background work. */
export const BACKGROUND_SQL_COMMENT = 'habari:background';
const BACKGROUND_SQL_PREFIX = `/* ${BACKGROUND_SQL_COMMENT} */`;

/** `/* habari:background *\/ SQL`: for hand-written statements that only background work runs. */
export const backgroundSql = (sql: string) => `${BACKGROUND_SQL_PREFIX} ${sql}`;

/**
 * Marks a PostgreSQL query runner as background work (indexers, pollers):
 * every statement on it, BEGIN and COMMIT included, is counted as background.
 * (An AsyncLocalStorage did this before, but on Node 20 it turns on promise
 * hooks for every promise in the process: a quarter of GraphQL throughput.)
 */
export function markAsBackground(runner: QueryRunner): QueryRunner {
  runner.data = { ...(runner.data as object), background: true };
  return runner;
}

const isBackgroundRunner = (runner: QueryRunner | undefined) => (runner?.data as { background?: boolean } | undefined)?.background === true;

let sqliteBackgroundDepth = 0;

/**
 * SQLite has one connection and one shared query runner, so a runner cannot
 * be marked; but a SQLite transaction never waits on I/O (better-sqlite3 is
 * synchronous), so no request runs while it does, and every statement logged
 * meanwhile is `work`'s. Only for work that awaits nothing but the database.
 */
export async function runAsSqliteBackground<T>(work: () => Promise<T>): Promise<T> {
  sqliteBackgroundDepth += 1;
  try {
    return await work();
  } finally {
    sqliteBackgroundDepth -= 1;
  }
}

/**
 * Counts SQL statements as TypeORM runs them. Cheap enough to leave on in
 * production; it feeds metrics, the N+1 test and the benchmark's
 * "statements per request".
 */
export class StatementCounter implements Logger {
  private count = 0;
  private writeCount = 0;
  private backgroundCount = 0;

  get total(): number {
    return this.count;
  }

  /** Statements that change data (INSERT, UPDATE, DELETE): a query must never run one. */
  get writes(): number {
    return this.writeCount;
  }

  /** Statements no request caused (outbox poller, related indexer): kept out of `total` so per-request counts stay exact. */
  get background(): number {
    return this.backgroundCount;
  }

  logQuery(query: string, _parameters?: unknown[], queryRunner?: QueryRunner): void {
    if (sqliteBackgroundDepth > 0 || query.startsWith(BACKGROUND_SQL_PREFIX) || isBackgroundRunner(queryRunner)) {
      this.backgroundCount += 1;
      return;
    }
    this.count += 1;
    if (/^\s*(INSERT|UPDATE|DELETE)\b/i.test(query)) this.writeCount += 1;
  }
  logQueryError(error: string | Error, query: string): void {
    if (process.env.HABARI_DEBUG_SQL) console.error('SQL error', error, query);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
