import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import { openCore, SERVER_BACKGROUND_TIMINGS, startLiveWork, type BackgroundTimings, type Repositories, type Services } from './composition-root';
import type { StatementCounter } from './db/statement-counter';
import { HttpCaching } from './caching/cache.http';
import { cacheScopePlugin } from './caching/cache.plugin';
import { recordCacheDependencies } from './caching/cache.schema';
import type { CacheScope } from './caching/cache.scope';
import { createErrorFormatter } from './graphql/format-error';
import { createLoaders, type GraphQLContext } from './graphql/context';
import { createQueryLimits } from './graphql/query-limits';
import { buildHabariSchema } from './graphql/schema';
import { Errors } from './errors/error.catalogue';
import { createGraphQLHttpHandler, sendJson } from './http/graphql-http.handler';
import { createRateLimiter } from './limits/rate-limit';
import { requestIdentity } from './limits/request-identity';
import type { Logger } from './logging/logger';
import { HttpDrain } from './operations/operations.drain';
import { createOperationsEndpoints } from './operations/operations.endpoints';
import { HabariMetrics } from './operations/operations.metrics';
import { countErrors, operationsPlugin } from './operations/operations.plugin';
import { assignRequestId, REQUEST_ID_HEADER } from './operations/request-id';
import { createPlaygroundHandler } from './playground/playground.handler';
import { createReaderHandler } from './reader/reader.handler';
import { createReaderOperationRunner } from './reader/reader.execute';
import { DEFAULT_SUBSCRIPTION_LIMITS, startSubscriptionServer, type SubscriptionLimits, type SubscriptionServer } from './subscriptions/subscription.server';
import type { Principal } from './auth/auth.types';

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
  /** Prometheus metrics (/metrics); other features count through its named counters. */
  readonly metrics: HabariMetrics;
  /** Listens on the given port and host (config's by default); resolves to the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /**
   * Drains, then closes everything that was opened, in reverse order: /readyz
   * turns 503 and new connections are refused, in-flight requests get
   * SHUTDOWN_GRACE_MS to finish, websockets close with 1001, background work
   * stops, then Redis and the database close. Safe to call twice.
   */
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
  const metrics = new HabariMetrics();
  const drain = new HttpDrain();
  try {
    const limits = { ...DEFAULT_SUBSCRIPTION_LIMITS, ...options.subscriptionLimits };
    const live = await startLiveWork(core, {
      relatedIndexPollMs: options.relatedIndexPollMs ?? SERVER_BACKGROUND_TIMINGS.relatedIndexPollMs,
      eventPruneEveryMs: options.eventPruneEveryMs ?? SERVER_BACKGROUND_TIMINGS.eventPruneEveryMs,
      topicRetrainCheckMs: options.topicRetrainCheckMs ?? config.topicRetrainCheckMs,
      pageSize: limits.pageSize,
      stream: { maxQueuedEvents: limits.maxQueuedEvents, maxBufferedBytes: limits.maxBufferedBytes, replayPageSize: limits.pageSize },
    });
    const cache = services.responseCache;
    if (cache) {
      // Changes by other instances and the CLI, as the feed reads them from the outbox.
      live.feed.watch((records) => services.cacheInvalidator?.readFromOutbox(records));
      cache.onLookup = (hit) => (hit ? metrics.cacheHits : metrics.cacheMisses).inc({ cache: 'response' });
    }
    const schema = recordCacheDependencies(await buildHabariSchema(core.events));
    // Over HTTP the operations plugin logs unexpected errors with the request id.
    const errorFormatOptions = { hideSuggestions: config.env === 'production' };
    const formatError = createErrorFormatter(undefined, errorFormatOptions);
    const queryLimits = createQueryLimits(config.limits);

    const apollo = new ApolloServer<GraphQLContext>({
      schema,
      introspection: true,
      // Cache-control hints wrap every field resolver; HTTP caching will be done per operation instead.
      plugins: [
        ApolloServerPluginLandingPageDisabled(),
        ApolloServerPluginCacheControlDisabled(),
        queryLimits.apolloPlugin,
        operationsPlugin(metrics, statements),
        cacheScopePlugin,
      ],
      formatError,
      validationRules: queryLimits.validationRules,
      parseOptions: queryLimits.parseOptions,
      allowBatchedHttpRequests: false,
      csrfPrevention: true,
      includeStacktraceInErrorResponses: config.env === 'development',
    });
    await apollo.start();
    closers.add('apollo', () => apollo.stop());

    // Who each request is, found from its headers before its body is read (requestIdentity).
    const principals = new WeakMap<IncomingMessage, Principal | null>();
    const context = async (req?: IncomingMessage, cacheScope?: CacheScope): Promise<GraphQLContext> => {
      const requestId = req ? assignRequestId(req) : randomUUID();
      return {
        config,
        services,
        loaders: createLoaders(repositories, services),
        principal: (req && principals.get(req)) ?? null,
        requestId,
        log: logger.child({ requestId }),
        cacheScope,
      };
    };
    const rateLimiter = createRateLimiter(config, logger);
    closers.add('rate limiter', () => rateLimiter.close());
    const { maxBodyBytes, maxEditorBodyBytes } = config.limits;
    const caching = new HttpCaching(services.responseCache, { maxAgeSeconds: config.cacheMaxAgeSeconds, staleWhileRevalidateSeconds: config.cacheStaleWhileRevalidateSeconds });
    const graphql = createGraphQLHttpHandler(
      apollo,
      context,
      {
        identify: async (req) => {
          const identity = await requestIdentity(req, config, services.auth.principalOf);
          principals.set(req, identity.principal);
          return identity;
        },
        rateLimiter,
        maxBodyBytes: (identity) => (identity.isEditor ? maxEditorBodyBytes : maxBodyBytes),
        onLimited: (limit) => metrics.rateLimited.inc({ limit }),
        onServedFromCache: (req) => logger.debug({ requestId: assignRequestId(req) }, 'answered from the response cache'),
      },
      caching,
    );
    const playground = createPlaygroundHandler({ graphqlPath: GRAPHQL_PATH });
    // The web reader at / reads through one in-process runner: the response cache's seam.
    const reader = createReaderHandler({ publicBaseUrl: config.publicBaseUrl, graphqlPath: GRAPHQL_PATH, logger, run: createReaderOperationRunner(apollo, context, cache, { ttlMs: config.cacheMaxAgeSeconds * 1000 }) });

    const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
      const url = new URL(req.url ?? '/', 'http://habari.invalid');
      const operations = endpoints(url.pathname, res);
      if (operations) return operations;
      if (playground(req, res)) return;
      if (url.pathname === GRAPHQL_PATH || url.pathname === `${GRAPHQL_PATH}/`) return graphql(req, res, url);
      if (await reader(req, res)) return;
      sendJson(res, 404, { error: `Nothing at ${url.pathname}: the API is at ${GRAPHQL_PATH}.` });
    };

    const endpoints = createOperationsEndpoints({ dataSource, bus: core.events, metrics, draining: () => drain.isDraining });
    const server = http.createServer((req, res) => {
      drain.track(res);
      const requestId = assignRequestId(req);
      res.setHeader(REQUEST_ID_HEADER, requestId);
      logger.debug({ requestId, method: req.method, url: req.url }, 'request received');
      handle(req, res).catch((error: unknown) => {
        logger.error({ err: error, requestId }, 'request failed');
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
    const formatSubscriptionError = createErrorFormatter((error) => logger.error({ err: error }, 'unexpected error in a subscription'), errorFormatOptions);
    const subscriptions = startSubscriptionServer({
      server,
      path: GRAPHQL_PATH,
      schema,
      feed: live.feed,
      articleEvents: live.articleEvents,
      baseContext: context,
      // Sockets are keyed by address (or by a key sent as a header); the key in connection_init is checked after.
      admitUpgrade: async (req) => {
        const { clientKey } = await requestIdentity(req, config, services.auth.principalOf);
        const decision = await rateLimiter.consume(clientKey);
        if (decision.allowed) return null;
        metrics.rateLimited.inc({ limit: 'requests_per_minute' });
        const error = Errors.rateLimited(rateLimiter.perMinute, decision.retryAfterSeconds);
        return { message: error.message, extensions: error.extensions, retryAfterSeconds: decision.retryAfterSeconds };
      },
      authenticate: (authorization) => services.auth.authenticate(authorization),
      formatError: (formatted, error) => {
        const result = formatSubscriptionError(formatted, error);
        countErrors(metrics, [result]);
        return result;
      },
      queryLimits,
      logger,
      limits,
      onDelivered: () => metrics.eventsDelivered.inc(),
    });
    closers.add('websocket server', () => subscriptions.close());
    metrics.bind({
      statements,
      websocketConnections: () => subscriptions.connectionCount,
      activeSubscriptions: () => subscriptions.operationCount,
      outboxLag: async () => Math.max(0, (await repositories.articleEvents.lastId()) - live.feed.position),
      relatedQueueLength: () => repositories.related.queuedCount(),
    });
    // Closes first: stop taking requests and let those in flight finish.
    closers.add('http drain', async () => {
      const { cut, elapsedMs } = await drain.drain(server, config.shutdownGraceMs);
      if (cut) logger.warn({ cut, graceMs: config.shutdownGraceMs }, 'requests still running at the end of the shutdown grace period were cut');
      else logger.info({ ms: elapsedMs }, 'in-flight requests finished');
    });

    return {
      config,
      server,
      dataSource,
      statements,
      logger,
      services,
      repositories,
      subscriptions,
      metrics,
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
