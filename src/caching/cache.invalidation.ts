import { LRUCache } from 'lru-cache';
import type { ArticleEventRecord } from '../subscriptions/article-event.entity';
import { tagsForChange, type ArticleChangeFacts } from './cache.tags';
import type { ResponseCache } from './response-cache';

/** The facts of an outbox row: what every instance and the CLI tell each other. */
export function changeFactsOfEvent(record: ArticleEventRecord): ArticleChangeFacts {
  return {
    kind: record.kind,
    articleId: record.articleId,
    scope: { language: record.language, categorySlug: record.categorySlug, sourceSlug: record.sourceSlug },
    previous: record.previousLanguage ? { language: record.previousLanguage, categorySlug: record.previousCategorySlug, sourceSlug: record.previousSourceSlug } : null,
  };
}

/**
 * Drops what outbox events touch: right after this process's own commit
 * (before the mutation answers, so the writer's next read never sees the old
 * answer), and when the event feed reads rows other writers committed
 * (other instances and the CLI, nudged over Redis or found by polling).
 */
export function invalidateForEvents(cache: ResponseCache, records: readonly ArticleEventRecord[]): void {
  const tags = new Set<string>();
  for (const record of records) for (const tag of tagsForChange(changeFactsOfEvent(record))) tags.add(tag);
  if (tags.size) cache.invalidate(tags);
}

/**
 * Invalidates each outbox event once per process. This process's own events
 * are handled at commit; when the feed reads the same rows moments later they
 * drop nothing again (an answer stored in between was computed after the
 * commit: the cache's tickets refuse anything older), so fresh entries are
 * not thrown away for nothing. Remembers the last 10,000 ids it handled.
 */
export class EventInvalidator {
  private readonly handledHere = new LRUCache<number, true>({ max: 10_000 });

  constructor(private readonly cache: ResponseCache) {}

  committedHere(record: ArticleEventRecord): void {
    this.handledHere.set(record.id, true);
    invalidateForEvents(this.cache, [record]);
  }

  readFromOutbox(records: readonly ArticleEventRecord[]): void {
    const others = records.filter((record) => !this.handledHere.delete(record.id));
    if (others.length) invalidateForEvents(this.cache, others);
  }
}
