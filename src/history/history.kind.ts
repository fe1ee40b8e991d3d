import type { HistoryKind } from '../articles/article-write.repository';
import type { ArticleChange } from '../articles/article-write.service';
import { ArticleStatus } from '../articles/article.enums';

/**
 * What kind of change a write was, for the history: a status change names
 * itself (published, unpublished back to draft, archived); anything else
 * is an update. Null when nothing was written.
 */
export function historyKindOf(change: Pick<ArticleChange, 'outcome' | 'previousStatus' | 'article'>): HistoryKind | null {
  switch (change.outcome) {
    case 'unchanged':
      return null;
    case 'created':
      return 'CREATED';
    case 'deleted':
      return 'DELETED';
    case 'updated': {
      const status = change.article.status;
      if (status === change.previousStatus) return 'UPDATED';
      if (status === ArticleStatus.PUBLISHED) return 'PUBLISHED';
      if (status === ArticleStatus.ARCHIVED) return 'ARCHIVED';
      return 'UNPUBLISHED';
    }
  }
}
