import type { ArticleChangeHook } from '../articles/article-write.service';
import { RelatedQueueWrites } from './related.queue-writes';

/**
 * Queues a written article for the related index, in the write's own
 * transaction: one upsert, so bulk import stays fast; the indexer does the
 * work later. Drafts that never were public have nothing to index.
 */
export function relatedQueueHook(): ArticleChangeHook {
  return async (tx, change) => {
    if (change.outcome === 'unchanged' || (!change.isPublished && !change.wasPublished)) return;
    await tx.get(RelatedQueueWrites).enqueueChanged(change.article.id, change.article.updatedAt ?? new Date());
  };
}
