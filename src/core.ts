import type { DataSource } from 'typeorm';
import type { Config } from './config';
import { createRepositories, createServices, type Repositories, type Services } from './composition';
import { openDatabase } from './db/data-source';
import { StatementCounter } from './db/statement-counter';
import { createLogger, type Logger } from './logging/logger';
import { openEventBus, type ArticleEventBus } from './subscriptions/article-event.bus';

/** The database and the services on it, without HTTP: what the CLI and the server share. */
export interface Core {
  config: Config;
  dataSource: DataSource;
  repositories: Repositories;
  services: Services;
  statements: StatementCounter;
  /** Announces committed article events (Redis when configured): the server listens, the CLI only talks. */
  events: ArticleEventBus;
  close(): Promise<void>;
}

export async function openCore(config: Config, logger: Logger = createLogger(config)): Promise<Core> {
  const statements = new StatementCounter();
  const dataSource = await openDatabase(config.database, { counter: statements });
  const events = openEventBus(config, (error) => logger.warn({ err: error }, 'event announcements unavailable; instances fall back to polling'));
  const repositories = createRepositories(dataSource);
  const services = createServices(repositories, config, events);
  const close = async () => {
    await events.close();
    await dataSource.destroy();
  };
  return { config, dataSource, repositories, services, statements, events, close };
}
