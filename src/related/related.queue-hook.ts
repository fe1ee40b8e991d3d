import type { ArticleChangeHook } from '../articles/article-write.service';
import type { RelatedRepository } from './related.repository';

/**
 * Queues a written article for the related index, in the write's own
 * transaction: one upsert, so bulk import stays fast; the indexer does the
 * work later. Drafts that never were public have nothing to index.
 */
export function relatedQueueHook(related: RelatedRepository): ArticleChangeHook {
  return async (tx, change) => {
    if (change.outcome === 'unchanged' || (!change.isPublished && !change.wasPublished)) return;
    await related.enqueueChanged(tx.manager, change.article.id, change.article.updatedAt ?? new Date());
  };
}
