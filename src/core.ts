import type { DataSource } from 'typeorm';
import type { Config } from './config';
import { createRepositories, createServices, type Repositories, type Services } from './composition';
import { openDatabase } from './db/data-source';
import { StatementCounter } from './db/statement-counter';

/** The database and the services on it, without HTTP: what the CLI and the server share. */
export interface Core {
  config: Config;
  dataSource: DataSource;
  repositories: Repositories;
  services: Services;
  statements: StatementCounter;
  close(): Promise<void>;
}

export async function openCore(config: Config): Promise<Core> {
  const statements = new StatementCounter();
  const dataSource = await openDatabase(config.database, { counter: statements });
  const repositories = createRepositories(dataSource);
  const services = createServices(repositories, config);
  return { config, dataSource, repositories, services, statements, close: () => dataSource.destroy() };
}
