import type { DataSource, EntityManager } from 'typeorm';

/**
 * Hot paths (bulk import, the public lists) run hand-written SQL through
 * TypeORM's query runner: constant SQL text hits the prepared-statement cache,
 * and no query builder or entity hydration runs per row. SQL is written with
 * `?` placeholders; PostgreSQL gets `$1, $2, ...`.
 */
export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(source: DataSource | EntityManager): Dialect {
  const options = 'options' in source ? source.options : source.connection.options;
  return options.type === 'postgres' ? 'postgres' : 'sqlite';
}

const converted = new Map<string, string>();

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
  const rows: unknown = await runner.query(forDialect(sql, dialectOf(runner)), params);
  return Array.isArray(rows) ? (rows as T[]) : [];
}
