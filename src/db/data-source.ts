import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config';
import { entities } from './entities';
import { migrations } from './migrations';
import { StatementCounter } from './statement-counter';
import { WriterLock } from './writer-locks';

export interface DataSourceOptions {
  counter?: StatementCounter;
  /** SQLite: how long a statement waits for another connection's write lock (SQLITE_BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

/** The one way app, CLI and tests open the database. Never `synchronize`: migrations own the schema. */
export function createDataSource(database: DatabaseConfig, options: DataSourceOptions = {}): DataSource {
  const common = {
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    logging: true as const,
    logger: options.counter ?? new StatementCounter(),
  };
  if (database.kind === 'postgres') {
    return new DataSource({ ...common, type: 'postgres', url: database.url, extra: { max: 10 } });
  }
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  if (database.file !== ':memory:') fs.mkdirSync(path.dirname(database.file), { recursive: true });
  return new DataSource({
    ...common,
    type: 'better-sqlite3',
    database: database.file,
    // WAL lets readers (the server) and a writer (an import beside it) work at once;
    // NORMAL sync is durable across process crashes in WAL mode. Writers from other
    // processes (imports, reindex) queue on busy_timeout instead of failing with
    // SQLITE_BUSY; every write transaction takes the write lock first (see
    // the unit of work, src/db/unit-of-work.ts), so a wait never ends in a deadlock error.
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      switchToWal(db, busyTimeoutMs);
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    },
  });
}

/**
 * `journal_mode = WAL` on a new file takes the file from a read lock to an
 * exclusive one: when several processes start on it at once, SQLite answers
 * SQLITE_BUSY at once to one that would deadlock (busy_timeout does not
 * apply), and `migrate` failed with "database is locked" in about one CI run
 * of three. Tried again every 20 ms until busy_timeout has passed.
 */
function switchToWal(db: { pragma(source: string): unknown }, busyTimeoutMs: number): void {
  const deadline = Date.now() + busyTimeoutMs;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

/** Opens the database and applies pending migrations, one instance at a time (see migrateUnderLock). */
export async function openDatabase(database: DatabaseConfig, options: DataSourceOptions = {}): Promise<DataSource> {
  const dataSource = createDataSource(database, options);
  await dataSource.initialize();
  try {
    await migrateUnderLock(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/**
 * Several instances (or the server and an import) starting together on one
 * database must not both apply the same migration: the second would fail on
 * "table already exists", or worse, half-apply. Pending migrations are
 * applied under a lock, and the list of what is applied is read again once
 * the lock is held. PostgreSQL: a session advisory lock on a connection of
 * its own, taken before TypeORM even creates its migrations table (two
 * concurrent CREATE TABLE IF NOT EXISTS can collide there); migrations run
 * in one transaction each. SQLite: when something is pending, one IMMEDIATE
 * transaction around all of them, which waits (busy_timeout) for any other
 * writer; a file with nothing pending takes no write lock at all (TypeORM's
 * own check would create its migrations table unguarded, so it is not used).
 */
async function migrateUnderLock(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type === 'postgres') {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [WriterLock.migrations]);
      try {
        await dataSource.runMigrations({ transaction: 'each' });
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [WriterLock.migrations]);
      }
    } finally {
      await runner.release();
    }
    return;
  }
  if (await sqliteUpToDate(dataSource)) return;
  await dataSource.query('BEGIN IMMEDIATE');
  try {
    await dataSource.runMigrations({ transaction: 'none' });
    await dataSource.query('COMMIT');
  } catch (error) {
    await dataSource.query('ROLLBACK');
    throw error;
  }
}

/** Read-only: is every migration recorded as applied? */
async function sqliteUpToDate(dataSource: DataSource): Promise<boolean> {
  const tables: unknown[] = await dataSource.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'");
  if (!tables.length) return false;
  const rows: Array<{ name: string }> = await dataSource.query('SELECT name FROM migrations');
  const applied = new Set(rows.map((row) => row.name));
  return dataSource.migrations.every((migration) => applied.has(migration.name ?? migration.constructor.name));
}
