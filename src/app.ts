import 'reflect-metadata';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { Repositories, Services } from './composition';
import { openCore } from './core';
import type { StatementCounter } from './db/statement-counter';
import { createErrorFormatter } from './graphql/format-error';
import { createLoaders, type GraphQLContext } from './graphql/context';
import { queryLimitRules, queryParseOptions } from './graphql/query-limits';
import { buildHabariSchema } from './graphql/schema';
import { createGraphQLHttpHandler, sendJson } from './http/graphql-http.handler';
import { createLogger, type Logger } from './logging/logger';
import { createPlaygroundHandler } from './playground/playground.handler';
import { startRelatedIndexLoop } from './related/related.index-loop';
import { startSubscriptionServer, type SubscriptionLimits, type SubscriptionServer } from './subscriptions/subscription.server';

export const GRAPHQL_PATH = '/graphql';

export interface HabariApp {
  readonly config: Config;
  readonly server: http.Server;
  readonly dataSource: DataSource;
  readonly statements: StatementCounter;
  readonly logger: Logger;
  readonly services: Services;
  readonly repositories: Repositories;
  /** graphql-ws on the same port and path, and this instance's article event feed. */
  readonly subscriptions: SubscriptionServer;
  /** Listens on the given port and host (config's by default); resolves to the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Closes everything that was opened, in reverse order. Safe to call twice. */
  close(): Promise<void>;
}

export interface BuildOptions {
  /** Tighter limits make flow-control tests fast; production uses the defaults. */
  subscriptionLimits?: Partial<SubscriptionLimits>;
  /**
   * How often the related index drains its queue (ms); 0 leaves it to the caller. 500 by default,
   * 0 under NODE_ENV=test: tests drain with drainRelatedQueue, and a background write would skew their statement counts.
   */
  relatedIndexPollMs?: number;
}

/**
 * Builds the whole service without listening: tests and the CLI use the same
 * composition as production. Every resource registers how it closes.
 */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<HabariApp> {
  const logger = createLogger(config);
  const closers: Array<() => Promise<void>> = [];
  try {
    const core = await openCore(config, logger);
    closers.push(() => core.close());
    const { dataSource, repositories, services, statements } = core;
    const relatedPollMs = options.relatedIndexPollMs ?? (config.env === 'test' ? 0 : 500);
    if (relatedPollMs > 0) {
      const relatedIndexing = startRelatedIndexLoop(services.relatedIndexer, logger, relatedPollMs);
      closers.push(() => relatedIndexing.stop());
    }
    const schema = await buildHabariSchema(core.events);
    const formatError = createErrorFormatter((error) => logger.error({ err: error }, 'unexpected error in a GraphQL operation'));

    const apollo = new ApolloServer<GraphQLContext>({
      schema,
      introspection: true,
      // Cache-control hints wrap every field resolver; HTTP caching will be done per operation instead.
      plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
      formatError,
      validationRules: queryLimitRules,
      parseOptions: queryParseOptions,
    });
    await apollo.start();
    closers.push(() => apollo.stop());

    const context = async (): Promise<GraphQLContext> => ({ config, services, loaders: createLoaders(repositories) });
    const graphql = createGraphQLHttpHandler(apollo, context);
    const playground = createPlaygroundHandler({ graphqlPath: GRAPHQL_PATH });

    const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
      const url = new URL(req.url ?? '/', 'http://habari.invalid');
      if (url.pathname === '/healthz') return health(dataSource, res);
      if (playground(req, res)) return;
      if (url.pathname === GRAPHQL_PATH || url.pathname === `${GRAPHQL_PATH}/`) return graphql(req, res, url);
      if (url.pathname === '/') {
        res.writeHead(302, { location: GRAPHQL_PATH }).end();
        return;
      }
      sendJson(res, 404, { error: `Nothing at ${url.pathname}: the API is at ${GRAPHQL_PATH}.` });
    };

    const server = http.createServer((req, res) => {
      handle(req, res).catch((error: unknown) => {
        logger.error({ err: error }, 'request failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'Internal server error' });
        else res.destroy();
      });
    });
    server.keepAliveTimeout = 65_000;
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          if (!server.listening) return resolve();
          server.close(() => resolve());
          server.closeIdleConnections();
        }),
    );
    const subscriptions = await startSubscriptionServer({
      server,
      path: GRAPHQL_PATH,
      schema,
      config,
      events: repositories.articleEvents,
      bus: core.events,
      makeLoaders: () => createLoaders(repositories),
      baseContext: context,
      formatError,
      logger,
      limits: options.subscriptionLimits,
    });
    closers.push(() => subscriptions.close());

    let closing: Promise<void> | null = null;
    return {
      config,
      server,
      dataSource,
      statements,
      logger,
      services,
      repositories,
      subscriptions,
      listen: (port = config.port, host = config.host) =>
        new Promise<string>((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, host, () => {
            const address = server.address() as AddressInfo;
            const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
            resolve(`http://${shownHost === '0.0.0.0' ? 'localhost' : shownHost}:${address.port}`);
          });
        }),
      close: () => (closing ??= closeAll(closers)),
    };
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
}

async function closeAll(closers: Array<() => Promise<void>>): Promise<void> {
  for (const close of [...closers].reverse()) {
    try {
      await close();
    } catch {
      // Keep closing the rest: one failing resource must not leak the others.
    }
  }
}

async function health(dataSource: DataSource, res: ServerResponse): Promise<void> {
  try {
    await dataSource.query('SELECT 1');
    sendJson(res, 200, { status: 'ok', database: 'ok' });
  } catch {
    sendJson(res, 503, { status: 'unavailable', database: 'not answering' });
  }
}
