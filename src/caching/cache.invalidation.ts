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
 * Drops what outbox events touch. Called twice per change, harmlessly: right
 * after this process's own commit (before the mutation answers, so the
 * writer's next read never sees the old answer), and when the event feed
 * reads the row (changes by other instances and the CLI, nudged over Redis
 * or found by polling).
 */
export function invalidateForEvents(cache: ResponseCache, records: readonly ArticleEventRecord[]): void {
  const tags = new Set<string>();
  for (const record of records) for (const tag of tagsForChange(changeFactsOfEvent(record))) tags.add(tag);
  if (tags.size) cache.invalidate(tags);
}
