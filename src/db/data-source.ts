import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config';
import { entities } from './entities';
import { migrations } from './migrations';
import { StatementCounter } from './statement-counter';

export interface DataSourceOptions {
  counter?: StatementCounter;
}

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
  if (database.file !== ':memory:') fs.mkdirSync(path.dirname(database.file), { recursive: true });
  return new DataSource({
    ...common,
    type: 'better-sqlite3',
    database: database.file,
    // WAL lets readers (the server) and a writer (an import beside it) work at once;
    // NORMAL sync is durable across process crashes in WAL mode.
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  });
}

/** Opens the database and applies pending migrations in one transaction each. */
export async function openDatabase(database: DatabaseConfig, options: DataSourceOptions = {}): Promise<DataSource> {
  const dataSource = createDataSource(database, options);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
