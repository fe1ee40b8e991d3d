import type { Article } from '../articles/article.entity';
import { ArticleStatus } from '../articles/article.enums';
import type { WriteOutcome } from '../articles/article-write.service';
import { historyKindOf } from './history.kind';

const { DRAFT, PUBLISHED, ARCHIVED } = ArticleStatus;

describe('historyKindOf', () => {
  it.each<[WriteOutcome, ArticleStatus | null, ArticleStatus, string | null]>([
    ['unchanged', PUBLISHED, PUBLISHED, null],
    ['created', null, DRAFT, 'CREATED'],
    ['created', null, PUBLISHED, 'CREATED'],
    ['updated', DRAFT, DRAFT, 'UPDATED'],
    ['updated', PUBLISHED, PUBLISHED, 'UPDATED'],
    ['updated', DRAFT, PUBLISHED, 'PUBLISHED'],
    ['updated', ARCHIVED, PUBLISHED, 'PUBLISHED'],
    ['updated', PUBLISHED, DRAFT, 'UNPUBLISHED'],
    ['updated', ARCHIVED, DRAFT, 'UNPUBLISHED'],
    ['updated', PUBLISHED, ARCHIVED, 'ARCHIVED'],
    ['updated', DRAFT, ARCHIVED, 'ARCHIVED'],
    ['deleted', PUBLISHED, PUBLISHED, 'DELETED'],
  ])('%s from %s to %s is %s', (outcome, previousStatus, status, kind) => {
    expect(historyKindOf({ outcome, previousStatus, article: { status } as Article })).toBe(kind);
  });
});
