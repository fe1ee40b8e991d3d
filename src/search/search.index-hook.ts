import type { ArticleChangeHook } from '../articles/article-write.service';
import { searchDocumentOf } from './search.document';
import type { SearchRepository } from './search.repository';

/**
 * Keeps the search index in step with what the public can see, inside the
 * article's own transaction: a search never finds an unpublished article,
 * and finds a published one as soon as it is committed.
 */
export function searchIndexHook(index: SearchRepository): ArticleChangeHook {
  return async (tx, change) => {
    if (change.outcome === 'unchanged') return;
    if (change.isPublished) await index.index(tx.manager, change.article.id, searchDocumentOf(change.article));
    else if (change.wasPublished) await index.remove(tx.manager, change.article.id);
  };
}
