import type { ArticleChange, ArticleChangeHook } from '../articles/article-write.service';
import type { ArticleEventRecord } from './article-event.entity';
import { ArticleEventWrites } from './article-event.writes';
import { ArticleEventKind } from './article-event.types';

/** The event a write emits, if any: only changes to what the public can see count. */
export function eventKindOf(change: Pick<ArticleChange, 'outcome' | 'wasPublished' | 'isPublished'>): ArticleEventKind | null {
  if (change.outcome === 'unchanged') return null;
  if (change.isPublished) return change.wasPublished ? ArticleEventKind.UPDATED : ArticleEventKind.PUBLISHED;
  return change.wasPublished ? ArticleEventKind.UNPUBLISHED : null;
}

/**
 * Writes the event row in the article's own transaction (both commit or
 * neither does), then, only once committed, tells listeners a new id exists
 * (and this process's `onCommitted`, e.g. the response cache, the row itself).
 */
export function articleEventOutbox(announce: (eventId: number) => void, onCommitted?: (record: ArticleEventRecord) => void): ArticleChangeHook {
  return async (tx, change) => {
    const kind = eventKindOf(change);
    if (!kind) return;
    const previous = change.wasPublished ? change.previous ?? null : null;
    const record = await tx.get(ArticleEventWrites).append(kind, change.article.id, change.article.updatedAt ?? new Date(), previous);
    tx.afterCommit(() => {
      announce(record.id);
      onCommitted?.(record);
    });
  };
}
