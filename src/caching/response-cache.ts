import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** One stored answer: the exact bytes sent, and what they were sent as. */
export interface CachedResponse {
  readonly body: Buffer;
  readonly contentType: string;
  /** Strong validator: a hash of `body`. */
  readonly etag: string;
}

/** What identifies a public GraphQL read, over HTTP or in-process. */
export interface OperationRef {
  /** The document text; or only its SHA-256 (hex, as Apollo's persisted queries send it). */
  query?: string | null;
  hash?: string | null;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  /** Anything else the bytes depend on (over HTTP: the Accept header, which picks the content type). */
  variant?: string;
}

export interface StoreOptions {
  /** Drop the entry after this many ms even if nothing invalidates it (data we hear no event for). */
  ttlMs?: number;
}

/** A snapshot taken before executing: a store made after an invalidation that raced the read is refused. */
export type CacheTicket = number;

interface Entry extends CachedResponse {
  readonly tags: readonly string[];
}

/**
 * The in-process response cache: public answers keyed by operation, bounded
 * in bytes (LRU), tagged by what they contain so that a change drops exactly
 * the entries that could show it. Usable outside HTTP: `keyOf` + `lookup` +
 * `ticket` + `store`.
 *
 * Races: an answer computed from data read before a change committed, but
 * stored after the change was invalidated, would be stale until the next
 * change. Every invalidation bumps a generation; `store` refuses an answer
 * whose ticket predates it.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly byTag = new Map<string, Set<string>>();
  private generation = 0;
  readonly stats = { hits: 0, misses: 0, stores: 0, refused: 0, invalidated: 0 };
  /** Told of every lookup (the server counts hits and misses in its metrics). */
  onLookup: ((hit: boolean) => void) | null = null;

  constructor(readonly maxBytes: number) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: maxBytes,
      // Key, body and tags are what an entry holds; 64 bytes covers the object itself.
      sizeCalculation: (entry, key) => entry.body.length + key.length * 2 + entry.tags.reduce((n, t) => n + t.length * 2 + 16, 64),
      ttlAutopurge: false,
      allowStale: false,
      dispose: (entry, key) => this.unindex(key, entry.tags),
    });
  }

  /** The cache key of an operation: the document's hash (so a persisted GET and a plain one share it), name, variables, variant. */
  static keyOf(ref: OperationRef): string | null {
    const hash = ref.query ? sha256(ref.query) : ref.hash && /^[0-9a-f]{64}$/i.test(ref.hash) ? ref.hash.toLowerCase() : null;
    if (!hash) return null;
    let variables = '';
    try {
      variables = ref.variables ? stableJson(ref.variables) : '';
    } catch (error) {
      if (error instanceof TooDeepToKey) return null; // left to Apollo, which refuses it
      throw error;
    }
    return `${hash}|${ref.operationName ?? ''}|${variables}|${ref.variant ?? ''}`;
  }

  ticket(): CacheTicket {
    return this.generation;
  }

  lookup(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry) this.stats.hits += 1;
    else this.stats.misses += 1;
    this.onLookup?.(entry !== undefined);
    return entry;
  }

  /** Stores an answer unless something was invalidated since `ticket`; returns the stored response, or null. */
  store(key: string, body: string | Buffer, contentType: string, tags: Iterable<string>, ticket: CacheTicket, options: StoreOptions = {}): CachedResponse | null {
    if (ticket !== this.generation) {
      this.stats.refused += 1;
      return null;
    }
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const entry: Entry = { body: bytes, contentType, etag: etagOf(bytes), tags: [...new Set(tags)] };
    this.entries.set(key, entry, options.ttlMs ? { ttl: options.ttlMs } : undefined);
    if (!this.entries.has(key)) return null; // larger than the whole cache
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    this.stats.stores += 1;
    return entry;
  }

  /** Drops every entry carrying any of these tags; returns how many went. */
  invalidate(tags: Iterable<string>): number {
    this.generation += 1;
    let dropped = 0;
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) if (this.entries.delete(key)) dropped += 1;
      this.byTag.delete(tag);
    }
    this.stats.invalidated += dropped;
    return dropped;
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.byTag.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.entries.calculatedSize ?? 0;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  private unindex(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      keys.delete(key);
      if (!keys.size) this.byTag.delete(tag);
    }
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` are one key. */
export function stableJson(value: unknown): string {
  return stableJsonWithin(value, MAX_KEY_DEPTH);
}

/** Variables nested deeper than this are never keyed (no real operation needs it; a hostile one would overflow the stack). */
const MAX_KEY_DEPTH = 64;

export class TooDeepToKey extends Error {}

function stableJsonWithin(value: unknown, depth: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (depth === 0) throw new TooDeepToKey();
  if (Array.isArray(value)) return `[${value.map((item) => stableJsonWithin(item, depth - 1)).join(',')}]`;
  const keys = Object.keys(value as Record<string, unknown>).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJsonWithin((value as Record<string, unknown>)[k], depth - 1)}`).join(',')}}`;
}
