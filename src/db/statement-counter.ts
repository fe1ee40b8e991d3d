import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'typeorm';

const backgroundWork = new AsyncLocalStorage<true>();

/**
 * Runs `work` as background work: every statement it causes, however deep
 * (indexers, pollers), is counted as background, not as request work.
 */
export function runAsBackground<T>(work: () => Promise<T>): Promise<T> {
  return backgroundWork.run(true, work);
}

/** Tag for a query builder's `.comment()`: marks a statement as background work. */
export const BACKGROUND_SQL_COMMENT = 'habari:background';
const BACKGROUND_SQL_PREFIX = `/* ${BACKGROUND_SQL_COMMENT} */`;

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

  logQuery(query: string): void {
    if (query.startsWith(BACKGROUND_SQL_PREFIX) || backgroundWork.getStore()) {
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
