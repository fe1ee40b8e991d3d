import type { IncomingMessage, ServerResponse } from 'node:http';
import { CacheScope } from './cache.scope';
import { etagOf, ResponseCache, type CacheTicket, type CachedResponse } from './response-cache';

export interface HttpCachePolicy {
  /** `max-age` of public answers, seconds. */
  maxAgeSeconds: number;
  /** `stale-while-revalidate` of public answers, seconds. */
  staleWhileRevalidateSeconds: number;
}

/** One HTTP GraphQL request on its way through Apollo. */
export interface CacheExchange {
  readonly scope: CacheScope;
  readonly key: string | null;
  readonly ticket: CacheTicket;
  readonly isPrivate: boolean;
}

const PRIVATE = 'private, no-store';
const NO_STORE = 'no-store';
// The answer depends on the content type asked for, and an editor's request must never get a shared cache's public copy.
const VARY = 'accept, authorization';
// What Apollo's CSRF prevention lets through on GET (see @apollo/server preventCsrf): a hit must not answer what a miss would refuse.
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * HTTP caching of GraphQL reads: the policy headers (Cache-Control, ETag,
 * 304) on every answer, and, with a ResponseCache, answering repeated public
 * reads from memory before Apollo's pipeline runs.
 *
 * - A request with an Authorization header (an editor key) is never looked
 *   up nor stored and answers `private, no-store`.
 * - A query answered without errors answers `public, max-age, stale-while-revalidate`;
 *   mutations and errors answer `no-store` and are never stored.
 * - GET answers carry an ETag (a hash of the bytes); `If-None-Match` with it gets 304.
 */
export class HttpCaching {
  private readonly publicPolicy: string;
  /** Time-bound entries (see CacheScope.timeBound) live as long as clients may cache them. */
  private readonly ttlMs: number;

  constructor(
    readonly cache: ResponseCache | null,
    policy: HttpCachePolicy,
  ) {
    this.publicPolicy = `public, max-age=${policy.maxAgeSeconds}, stale-while-revalidate=${policy.staleWhileRevalidateSeconds}`;
    this.ttlMs = policy.maxAgeSeconds * 1000;
  }

  /** Answers from the cache if it can (true), before any GraphQL work. `body` is the parsed POST body. */
  serveFromCache(req: IncomingMessage, res: ServerResponse, url: URL, body: unknown): boolean {
    if (!this.cache || req.headers.authorization !== undefined) return false;
    if (req.method === 'GET' && !passesCsrfCheck(req)) return false;
    const key = requestKey(req, url, body);
    if (!key) return false;
    const hit = this.cache.lookup(key);
    if (!hit) return false;
    this.send(req, res, hit);
    return true;
  }

  begin(req: IncomingMessage, url: URL, body: unknown): CacheExchange {
    const isPrivate = req.headers.authorization !== undefined;
    return {
      scope: new CacheScope(),
      key: this.cache && !isPrivate ? requestKey(req, url, body) : null,
      ticket: this.cache?.ticket() ?? 0,
      isPrivate,
    };
  }

  /** Sends Apollo's complete answer with the policy headers, storing it when it is a public read. */
  finish(exchange: CacheExchange, req: IncomingMessage, res: ServerResponse, text: string): void {
    const publicAnswer = !exchange.isPrivate && exchange.scope.cacheable && res.statusCode === 200;
    if (!publicAnswer) {
      res.setHeader('cache-control', exchange.isPrivate ? PRIVATE : NO_STORE);
      res.end(text);
      return;
    }
    const contentType = String(res.getHeader('content-type') ?? 'application/json; charset=utf-8');
    let stored: CachedResponse | null = null;
    if (this.cache && exchange.key) {
      stored = this.cache.store(exchange.key, text, contentType, exchange.scope.allTags(), exchange.ticket, exchange.scope.timeBound ? { ttlMs: this.ttlMs } : {});
    }
    if (!stored) {
      if (req.method !== 'GET') {
        res.setHeader('cache-control', this.publicPolicy);
        res.setHeader('vary', VARY);
        res.end(text);
        return;
      }
      const bytes = Buffer.from(text, 'utf8');
      stored = { body: bytes, contentType, etag: etagOf(bytes) };
    }
    this.send(req, res, stored);
  }

  private send(req: IncomingMessage, res: ServerResponse, answer: CachedResponse): void {
    if (req.method === 'GET') {
      if (etagMatches(req.headers['if-none-match'], answer.etag)) {
        res.writeHead(304, { 'cache-control': this.publicPolicy, vary: VARY, etag: answer.etag });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': answer.contentType, 'content-length': answer.body.length, 'cache-control': this.publicPolicy, vary: VARY, etag: answer.etag });
    } else {
      res.writeHead(200, { 'content-type': answer.contentType, 'content-length': answer.body.length, 'cache-control': this.publicPolicy, vary: VARY });
    }
    res.end(answer.body);
  }
}

/** The cache key of a GET (query string) or POST (JSON body) GraphQL request; null when it is not a single operation we can key. */
export function requestKey(req: IncomingMessage, url: URL, body: unknown): string | null {
  const variant = req.headers.accept ?? '';
  if (req.method === 'GET') {
    const params = url.searchParams;
    const variables = parseJsonObject(params.get('variables'));
    const extensions = parseJsonObject(params.get('extensions'));
    if (variables === undefined || extensions === undefined) return null;
    return ResponseCache.keyOf({ query: params.get('query'), hash: persistedHash(extensions), operationName: params.get('operationName'), variables, variant });
  }
  if (req.method === 'POST' && body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const { query, operationName, variables, extensions } = body as Record<string, unknown>;
    if (query != null && typeof query !== 'string') return null;
    if (operationName != null && typeof operationName !== 'string') return null;
    if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
    // A request Apollo would refuse must never be answered from the cache: only a missing or object `extensions` is keyed.
    if (extensions != null && (typeof extensions !== 'object' || Array.isArray(extensions))) return null;
    return ResponseCache.keyOf({
      query: query as string | undefined,
      hash: persistedHash(extensions),
      operationName: operationName as string | undefined,
      variables: variables as Record<string, unknown> | undefined,
      variant,
    });
  }
  return null;
}

function persistedHash(extensions: unknown): string | null {
  const pq = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)?.persistedQuery;
  return typeof pq?.sha256Hash === 'string' ? pq.sha256Hash : null;
}

/** undefined for text that is not a JSON object (the request is left to Apollo, which says what is wrong). */
function parseJsonObject(text: string | null): Record<string, unknown> | null | undefined {
  if (text == null || text === '') return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function passesCsrfCheck(req: IncomingMessage): boolean {
  const contentType = req.headers['content-type'];
  if (contentType !== undefined && !SIMPLE_CONTENT_TYPES.has(contentType.split(';')[0].trim().toLowerCase())) return true;
  return Boolean(req.headers['apollo-require-preflight'] || req.headers['x-apollo-operation-name']);
}

export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
