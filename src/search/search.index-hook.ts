import type { ArticleChangeHook } from '../articles/article-write.service';
import { searchDocumentOf } from './search.document';
import { SearchIndexWrites } from './search.index-writes';

/**
 * Keeps the search index in step with what the public can see, inside the
 * article's own transaction: a search never finds an unpublished article,
 * and finds a published one as soon as it is committed. The index writes run
 * together at the end of the transaction (see UnitOfWork.beforeCommit): a
 * bulk import indexes a whole chunk in one go.
 */
export function searchIndexHook(): ArticleChangeHook {
  return async (tx, change) => {
    if (change.outcome === 'unchanged') return;
    const { id } = change.article;
    const index = tx.get(SearchIndexWrites);
    if (change.isPublished) {
      const document = change.searchDocument ?? searchDocumentOf(change.article);
      const replaces = change.outcome === 'updated';
      tx.beforeCommit(() => index.index(id, document, replaces));
    } else if (change.wasPublished) {
      tx.beforeCommit(() => index.remove(id));
    }
  };
}
