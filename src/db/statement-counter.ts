import type { Logger } from 'typeorm';

/**
 * Counts SQL statements as TypeORM runs them. Cheap enough to leave on in
 * production; it feeds metrics, the N+1 test and the benchmark's
 * "statements per request".
 */
export class StatementCounter implements Logger {
  private count = 0;
  private writeCount = 0;

  get total(): number {
    return this.count;
  }

  /** Statements that change data (INSERT, UPDATE, DELETE): a query must never run one. */
  get writes(): number {
    return this.writeCount;
  }

  logQuery(query: string): void {
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
