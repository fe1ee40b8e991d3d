import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { QueryLimits } from '../graphql/query-limits';
import { Errors } from '../errors/error.catalogue';
import type { GraphQLContext } from '../graphql/context';
import type { Logger } from '../logging/logger';
import type { Principal } from '../auth/auth.types';
import type { ArticleEventFeed } from './article-event.feed';
import type { SubscriptionContext } from './article-event.resolver';
import type { ArticleEventService } from './article-event.service';
import type { SubscriberConnection } from './article-event.stream';
import { createSharedSubscribe } from './shared-execution';

export interface SubscriptionLimits {
  /** Operations one connection may run at once; the next one gets an error. */
  maxOperationsPerConnection: number;
  /** A socket that sends no connection_init within this is closed with 4408. */
  connectionInitWaitMs: number;
  /** WebSocket ping interval; a peer that does not pong within it is terminated. */
  keepAliveMs: number;
  /** Live events buffered per subscription before its client counts as too slow. */
  maxQueuedEvents: number;
  maxBufferedBytes: number;
  /** Outbox rows per read (live publishing and replay). */
  pageSize: number;
  /** How long a closing socket may take to finish its close handshake before it is cut. */
  closeGraceMs: number;
}

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = Object.freeze({
  maxOperationsPerConnection: 20,
  connectionInitWaitMs: 3_000,
  keepAliveMs: 15_000,
  maxQueuedEvents: 1_000,
  maxBufferedBytes: 4 * 1024 * 1024,
  pageSize: 200,
  closeGraceMs: 5_000,
});

/** Close code for a client that stopped reading (application range; graphql-ws clients retry it). */
export const CLOSE_TOO_SLOW = 4413;
const CLOSE_GOING_AWAY = 1001;

export interface SubscriptionServerDeps {
  server: http.Server;
  path: string;
  schema: GraphQLSchema;
  /** This instance's view of the outbox and the rules of subscribing (built by the composition root). */
  feed: ArticleEventFeed;
  articleEvents: ArticleEventService;
  /** Gets the upgrade request, so a connection's operations share its request id. */
  baseContext: (req?: http.IncomingMessage) => Promise<GraphQLContext>;
  /** Checked before a socket is accepted (the rate limit): null admits it, else it is refused with 429 and this error. */
  admitUpgrade?: (req: http.IncomingMessage) => Promise<UpgradeRefusal | null>;
  /** The principal of connection_init's `authorization` ("Bearer <key>"); throws for a wrong key. */
  authenticate: (authorization: unknown) => Promise<Principal | null>;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** The same parse, validation and cost limits as HTTP operations. */
  queryLimits: QueryLimits;
  logger: Logger;
  /** Called for every result sent to a client (metrics). */
  onDelivered?: () => void;
  limits?: Partial<SubscriptionLimits>;
}

export interface UpgradeRefusal {
  message: string;
  extensions: Record<string, unknown>;
  retryAfterSeconds: number;
}

export interface SubscriptionServer {
  readonly feed: ArticleEventFeed;
  readonly connectionCount: number;
  /** Operations (mostly subscriptions) running over all connections. */
  readonly operationCount: number;
  /** Connections closed because their client stopped reading. */
  readonly slowClientsClosed: number;
  close(): Promise<void>;
}

/**
 * graphql-ws (graphql-transport-ws) on the HTTP server's own port and path:
 * upgrades to /graphql become WebSockets, anything else is refused.
 * Subscriptions stream from the instance's event feed.
 */
export function startSubscriptionServer(deps: SubscriptionServerDeps): SubscriptionServer {
  const limits = { ...DEFAULT_SUBSCRIPTION_LIMITS, ...deps.limits };
  const { feed, articleEvents: service } = deps;
  let slowClientsClosed = 0;
  const connections = new Set<{ subscriptions: Record<string, unknown> }>();

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const { pathname } = new URL(req.url ?? '/', 'http://habari.invalid');
    if (pathname !== deps.path && pathname !== `${deps.path}/`) {
      socket.end(`HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const upgrade = () => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    if (!deps.admitUpgrade) return upgrade();
    // Opening a connection counts against the client's rate limit like any request: a flood of sockets is refused with 429.
    deps.admitUpgrade(req).then(
      (refusal) => {
        if (!refusal) return upgrade();
        const body = JSON.stringify({ errors: [{ message: refusal.message, extensions: refusal.extensions }] });
        socket.end(
          `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${refusal.retryAfterSeconds}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        );
      },
      (error: unknown) => {
        deps.logger.error({ err: error }, 'admitting a websocket upgrade failed');
        socket.destroy();
      },
    );
  };
  deps.server.on('upgrade', onUpgrade);

  const connectionOf = (socket: WebSocket): SubscriberConnection => ({
    bufferedAmount: () => socket.bufferedAmount,
    closeSlow: (reason) => {
      if (socket.readyState !== socket.OPEN) return;
      slowClientsClosed += 1;
      deps.logger.warn({ reason }, 'closing a subscription connection whose client stopped reading');
      closeGracefully(socket, CLOSE_TOO_SLOW, `Too slow: ${reason}; reconnect and resume with your last cursor`, limits.closeGraceMs);
    },
  });
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => deps.formatError(error.toJSON(), error));

  const graphqlWs = useServer<Record<string, unknown> | undefined, { principal?: Principal | null }>(
    {
      schema: deps.schema,
      subscribe: createSharedSubscribe(),
      connectionInitWaitTimeout: limits.connectionInitWaitMs,
      // A wrong key in connection_init closes the socket with 4403 Forbidden; no key is anonymous.
      onConnect: async (ctx) => {
        try {
          ctx.extra.principal = await deps.authenticate(ctx.connectionParams?.authorization);
        } catch {
          return false;
        }
        connections.add(ctx);
        return true;
      },
      onClose: (ctx) => {
        connections.delete(ctx);
      },
      context: async (ctx): Promise<SubscriptionContext> => ({
        ...(await deps.baseContext(ctx.extra.request)),
        principal: ctx.extra.principal ?? null,
        articleEvents: service,
        subscriber: connectionOf(ctx.extra.socket),
      }),
      // The operation being subscribed is already counted in ctx.subscriptions. Parsing, validation and
      // the cost limit are the HTTP ones (deps.queryLimits); message size is bounded by maxPayload.
      onSubscribe: (ctx, _id, payload) => {
        if (Object.keys(ctx.subscriptions).length > limits.maxOperationsPerConnection) return [Errors.tooManySubscriptions(limits.maxOperationsPerConnection)];
        const checked = deps.queryLimits.check(deps.schema, payload);
        if ('errors' in checked) return [...checked.errors];
        return { schema: deps.schema, document: checked.document, operationName: payload.operationName, variableValues: payload.variables };
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        deps.onDelivered?.();
        return result.errors?.length ? { ...result, errors: format(result.errors) } : undefined;
      },
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wss,
    limits.keepAliveMs,
  );

  let closing: Promise<void> | null = null;
  return {
    feed,
    get connectionCount() {
      return wss.clients.size;
    },
    get operationCount() {
      let count = 0;
      for (const ctx of connections) count += Object.keys(ctx.subscriptions).length;
      return count;
    },
    get slowClientsClosed() {
      return slowClientsClosed;
    },
    close: () =>
      (closing ??= (async () => {
        deps.server.off('upgrade', onUpgrade);
        await Promise.all([...wss.clients].map((socket) => closeGracefully(socket, CLOSE_GOING_AWAY, 'Server shutting down', 1_000)));
        await graphqlWs.dispose();
      })()),
  };
}

/** Sends a close frame, then cuts the socket if the peer has not answered within `graceMs`. */
function closeGracefully(socket: WebSocket, code: number, reason: string, graceMs: number): Promise<void> {
  if (socket.readyState === socket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => socket.terminate(), graceMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.close(code, reason.slice(0, 120));
  });
}
