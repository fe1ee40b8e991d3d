import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { Errors, type AppError } from '../errors/error.catalogue';
import type { RateLimiter } from '../limits/rate-limit';
import type { RequestIdentity } from '../limits/request-identity';
import type { HttpCaching } from '../caching/cache.http';
import type { CacheScope } from '../caching/cache.scope';

/** What is checked before a request reaches Apollo: who asks, how often, how much. */
export interface HttpGuards {
  identify(req: IncomingMessage): Promise<RequestIdentity>;
  rateLimiter: RateLimiter;
  /** The largest body this client may send (editors import whole files). */
  maxBodyBytes(identity: RequestIdentity): number;
  /** Told each time a limit refuses a request (metrics): `requests_per_minute` or `body_bytes`. */
  onLimited?(limit: 'requests_per_minute' | 'body_bytes'): void;
  /** Told when the response cache answered, before any GraphQL work (logs: Apollo's hooks never see the request). */
  onServedFromCache?(req: IncomingMessage): void;
}

/**
 * Apollo Server on plain node:http, without Express: one less framework on the
 * hot path (every layer we add must be nearly free, see bench/).
 */
export function createGraphQLHttpHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  context: (req: IncomingMessage, cacheScope?: CacheScope) => Promise<TContext>,
  guards: HttpGuards,
  caching: HttpCaching | null = null,
) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const identity = await guards.identify(req);
    const decision = await guards.rateLimiter.consume(identity.clientKey);
    if (!decision.allowed) {
      guards.onLimited?.('requests_per_minute');
      const perMinute = guards.rateLimiter.perMinute;
      return refuse(req, res, 429, Errors.rateLimited(perMinute, decision.retryAfterSeconds), { 'retry-after': String(decision.retryAfterSeconds) });
    }
    // An unknown or revoked key is never read as anonymous: 401 before the body is read or anything runs.
    if (identity.refusal) return refuse(req, res, 401, identity.refusal, { 'www-authenticate': 'Bearer realm="habari"' });
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const limit = guards.maxBodyBytes(identity);
      const declared = Number(req.headers['content-length']);
      const raw = declared > limit ? null : await readBody(req, limit);
      if (raw === null) {
        guards.onLimited?.('body_bytes');
        return refuse(req, res, 413, Errors.bodyTooLarge(limit));
      }
      const contentType = headers.get('content-type') ?? '';
      if (contentType.includes('json')) {
        try {
          body = raw.length ? JSON.parse(raw) : undefined;
        } catch {
          return sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
        }
      } else {
        body = raw;
      }
    }
    // A cached public answer goes out here, before any GraphQL work (see src/caching).
    if (caching?.serveFromCache(req, res, url, body)) return guards.onServedFromCache?.(req);
    const exchange = caching?.begin(req, url, body);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => context(req, exchange?.scope),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      if (caching && exchange) caching.finish(exchange, req, res, response.body.string);
      else res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

/** The body as text, or null as soon as it passes `limit` bytes (the rest is read and dropped, never kept). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      chunks.length = 0;
      req.off('data', onData);
      req.off('end', onEnd);
      resolve(null);
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString('utf8'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

/**
 * An answer before the request was read: a GraphQL error body, then the
 * connection is closed once the client's unread body has drained, so a
 * client still uploading gets the answer instead of a reset.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, error: AppError, headers: Record<string, string> = {}): void {
  const text = JSON.stringify({ errors: [{ message: error.message, extensions: error.extensions }] });
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), connection: 'close' });
  res.end(text);
  req.resume();
}

export function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
