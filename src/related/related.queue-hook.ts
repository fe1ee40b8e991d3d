import type { ArticleChangeHook } from '../articles/article-write.service';
import { RelatedQueueWrites } from './related.queue-writes';
import { RelatedIndexWrites } from './related.index-writes';

/**
 * Queues a written article for the related index, in the write's own
 * transaction: one upsert, so bulk import stays fast; the indexer does the
 * work later. Drafts that never were public have nothing to index.
 */
export function relatedQueueHook(): ArticleChangeHook {
  return async (tx, change) => {
    if (change.outcome === 'deleted') {
      const writes = tx.get(RelatedIndexWrites);
      await forgetTerms(writes, change.article.id);
      // Lists that held it lose it with its row (cascade): rank their owners again so they fill up.
      const owners = (await writes.ownersOf([change.article.id])).filter((id) => id !== change.article.id);
      if (owners.length) await writes.enqueueNeighbours(owners, change.article.updatedAt ?? new Date());
    }
    if (change.outcome === 'unchanged' || (!change.isPublished && !change.wasPublished)) return;
    await tx.get(RelatedQueueWrites).enqueueChanged(change.article.id, change.article.updatedAt ?? new Date());
  };
}

/**
 * A deleted article's row, and with it its related_index entry, is gone
 * before the indexer runs: take its terms out of the document frequencies
 * now, as the indexer would for an unpublished one.
 */
async function forgetTerms(writes: RelatedIndexWrites, articleId: number): Promise<void> {
  const previous = (await writes.previousTermSets([articleId])).get(articleId);
  if (!previous) return;
  // In code-unit order, as every writer of term_stats takes its rows.
  const terms = [...new Set(previous.terms)].sort();
  await writes.applyTermDeltas([{ language: previous.language, terms, deltas: terms.map(() => -1) }]);
  await writes.applyDocDeltas(new Map([[previous.language, -1]]));
}
