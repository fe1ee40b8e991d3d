import type { Database, Statement } from 'better-sqlite3';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { LRUCache } from 'lru-cache';

/**
 * Hot paths (bulk import, the public lists) run hand-written SQL: constant
 * SQL text, no query builder or entity hydration per row. SQL is written with
 * `?` placeholders; PostgreSQL gets `$1, $2, ...`.
 *
 * On SQLite the statements go straight to better-sqlite3's prepared
 * statements, on the one connection TypeORM's driver holds (so they take part
 * in its transactions and savepoints), and are still reported to the
 * DataSource's logger (the statement counter). TypeORM's query runner costs
 * more per statement (events, async hops, parameter copies) than SQLite takes
 * to insert a row, and a bulk import runs ten statements per article.
 */
export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(source: DataSource | EntityManager): Dialect {
  const options = 'options' in source ? source.options : source.connection.options;
  return options.type === 'postgres' ? 'postgres' : 'sqlite';
}

/** A row when an index named by the one parameter exists (on PostgreSQL, in the current schema). */
export function indexLookupSql(dialect: Dialect): string {
  return dialect === 'postgres'
    ? 'SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ?'
    : "SELECT name FROM sqlite_master WHERE type = 'index' AND name = ?";
}

// Our SQL is constant text, so these caches stay small; their bounds are guards against a caller that builds SQL.
const MAX_CACHED_STATEMENTS = 500;
const converted = new LRUCache<string, string>({ max: MAX_CACHED_STATEMENTS });

export function forDialect(sql: string, dialect: Dialect): string {
  if (dialect === 'sqlite') return sql;
  let text = converted.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    converted.set(sql, text);
  }
  return text;
}

export async function runSql<T = Record<string, unknown>>(runner: DataSource | EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const dataSource = 'connection' in runner ? runner.connection : runner;
  if (dataSource.options.type === 'better-sqlite3') return runSqlite<T>(dataSource, 'connection' in runner ? runner.queryRunner : undefined, sql, params);
  const rows: unknown = await runner.query(forDialect(sql, dialectOf(runner)), params);
  return Array.isArray(rows) ? (rows as T[]) : [];
}

/**
 * A prepared statement's native memory grows with its text: one with an IN
 * list of 4,000 parameters holds about 0.7 MB outside the JS heap, and the
 * last slice of each long list has a size of its own. Counted by entries
 * alone, 500 such statements held hundreds of MB during a 1,000,000-article
 * related build. Bounded by their total text (about 20 MB of native memory
 * at most); preparing a 5,000-parameter statement again costs about 1 ms,
 * little beside running it.
 */
const MAX_CACHED_SQL_CHARS = 256 * 1024;
const statementsByConnection = new WeakMap<Database, LRUCache<string, Statement>>();

/** The better-sqlite3 connection behind a SQLite data source. */
function sqliteConnection(dataSource: DataSource): Database | undefined {
  return (dataSource.driver as unknown as { databaseConnection?: Database }).databaseConnection;
}

function runSqlite<T>(dataSource: DataSource, queryRunner: QueryRunner | undefined, sql: string, params: unknown[]): T[] {
  const db = sqliteConnection(dataSource);
  if (!db?.open) throw new Error('The SQLite database is not open (the data source was closed or never initialized).');
  let statements = statementsByConnection.get(db);
  if (!statements) {
    statements = new LRUCache({ max: MAX_CACHED_STATEMENTS, maxSize: MAX_CACHED_SQL_CHARS, sizeCalculation: (_, key) => key.length });
    statementsByConnection.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  dataSource.logger.logQuery(sql, undefined, queryRunner);
  // better-sqlite3 binds no booleans; SQLite stores them as 0/1.
  const bound = params.map((value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value));
  if (statement.reader) return statement.all(...bound) as T[];
  statement.run(...bound);
  return [];
}

/** How much SQL text the statements kept prepared on a SQLite connection add up to (what MAX_CACHED_SQL_CHARS bounds). */
export function preparedSqlChars(dataSource: DataSource): number {
  const db = sqliteConnection(dataSource);
  const statements = db && statementsByConnection.get(db);
  return statements ? statements.calculatedSize : 0;
}

/** `?, ?, ?` for an IN list or a VALUES row. */
export function marks(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/**
 * Slices of at most `size`: multi-row statements stay under SQLite's bound
 * parameter limit (32,766) and full slices reuse one prepared statement.
 */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** SQLite answers booleans as 0/1, PostgreSQL as true/false. */
export function sqlBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}
