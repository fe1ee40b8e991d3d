import 'reflect-metadata';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import { openCore, SERVER_BACKGROUND_TIMINGS, startLiveWork, type BackgroundTimings, type Repositories, type Services } from './composition-root';
import type { StatementCounter } from './db/statement-counter';
import { createErrorFormatter } from './graphql/format-error';
import { createLoaders, type GraphQLContext } from './graphql/context';
import { createQueryLimits } from './graphql/query-limits';
import { buildHabariSchema } from './graphql/schema';
import { createGraphQLHttpHandler, sendJson } from './http/graphql-http.handler';
import { createRateLimiter } from './limits/rate-limit';
import { requestIdentity } from './limits/request-identity';
import type { Logger } from './logging/logger';
import { createPlaygroundHandler } from './playground/playground.handler';
import { DEFAULT_SUBSCRIPTION_LIMITS, startSubscriptionServer, type SubscriptionLimits, type SubscriptionServer } from './subscriptions/subscription.server';

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

export interface BuildOptions extends Partial<BackgroundTimings> {
  /** Tighter limits make flow-control tests fast; production uses the defaults. */
  subscriptionLimits?: Partial<SubscriptionLimits>;
}

/**
 * Builds the whole service without listening: the core from the composition
 * root, its live work (event feed, related index loop; timings from
 * `options`, the server's by default), then GraphQL over HTTP and
 * websockets. Every resource registers how it closes, in one Closers.
 */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<HabariApp> {
  const core = await openCore(config);
  const { dataSource, repositories, services, statements, logger, closers } = core;
  try {
    const limits = { ...DEFAULT_SUBSCRIPTION_LIMITS, ...options.subscriptionLimits };
    const live = await startLiveWork(core, {
      relatedIndexPollMs: options.relatedIndexPollMs ?? SERVER_BACKGROUND_TIMINGS.relatedIndexPollMs,
      eventPruneEveryMs: options.eventPruneEveryMs ?? SERVER_BACKGROUND_TIMINGS.eventPruneEveryMs,
      topicRetrainCheckMs: options.topicRetrainCheckMs ?? config.topicRetrainCheckMs,
      pageSize: limits.pageSize,
      stream: { maxQueuedEvents: limits.maxQueuedEvents, maxBufferedBytes: limits.maxBufferedBytes, replayPageSize: limits.pageSize },
    });
    const schema = await buildHabariSchema(core.events);
    const formatError = createErrorFormatter((error) => logger.error({ err: error }, 'unexpected error in a GraphQL operation'), { hideSuggestions: config.env === 'production' });
    const queryLimits = createQueryLimits(config.limits);

    const apollo = new ApolloServer<GraphQLContext>({
      schema,
      introspection: true,
      // Cache-control hints wrap every field resolver; HTTP caching will be done per operation instead.
      plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), queryLimits.apolloPlugin],
      formatError,
      validationRules: queryLimits.validationRules,
      parseOptions: queryLimits.parseOptions,
      allowBatchedHttpRequests: false,
      csrfPrevention: true,
      includeStacktraceInErrorResponses: config.env === 'development',
    });
    await apollo.start();
    closers.add('apollo', () => apollo.stop());

    const context = async (): Promise<GraphQLContext> => ({ config, services, loaders: createLoaders(repositories) });
    const rateLimiter = createRateLimiter(config, logger);
    closers.add('rate limiter', () => rateLimiter.close());
    const { maxBodyBytes, maxEditorBodyBytes } = config.limits;
    const graphql = createGraphQLHttpHandler(apollo, context, {
      identify: (req) => requestIdentity(req, config),
      rateLimiter,
      maxBodyBytes: (identity) => (identity.isEditor ? maxEditorBodyBytes : maxBodyBytes),
    });
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
    closers.add(
      'http server',
      () =>
        new Promise<void>((resolve) => {
          if (!server.listening) return resolve();
          server.close(() => resolve());
          server.closeIdleConnections();
        }),
    );
    const subscriptions = startSubscriptionServer({
      server,
      path: GRAPHQL_PATH,
      schema,
      feed: live.feed,
      articleEvents: live.articleEvents,
      baseContext: context,
      formatError,
      queryLimits,
      logger,
      limits,
    });
    closers.add('websocket server', () => subscriptions.close());

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
      close: () => closers.close(),
    };
  } catch (error) {
    await closers.close();
    throw error;
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
