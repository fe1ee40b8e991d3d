/**
 * What one operation's execution read, gathered while it runs (see
 * cache.schema.ts) and turned into tags when its answer is stored.
 */
export class CacheScope {
  readonly tags = new Set<string>();
  /** Objects shown, with the tag prefix of their type; an object is tagged by its id once, at the end. */
  readonly objects = new Map<object, string>();
  /** It read something no event announces (related lists the background indexer re-ranks): keep it only for max-age. */
  timeBound = false;
  /** Set by the Apollo plugin once the operation is known; only queries are cached. */
  operation: 'query' | 'mutation' | 'subscription' | null = null;
  /** Any error in the answer: never cached. */
  failed = false;

  allTags(): string[] {
    const tags = new Set(this.tags);
    for (const [object, prefix] of this.objects) {
      const id = (object as { id?: unknown }).id;
      if (id != null) tags.add(`${prefix}:${String(id)}`);
    }
    return [...tags];
  }

  get cacheable(): boolean {
    return this.operation === 'query' && !this.failed;
  }
}

/** Carried by the GraphQL context of HTTP and in-process reads; absent on websockets. */
export interface CacheScopeHolder {
  cacheScope?: CacheScope;
}
