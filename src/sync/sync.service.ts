import { assertLanguage } from '../languages/language.catalogue';
import { pageSize } from '../pagination/page-request';
import { Errors } from '../errors/error.catalogue';
import { encodeEventCursor } from '../subscriptions/article-event.cursor';
import type { ArticleRepository } from '../articles/article.repository';
import type { ArticleEventRepository } from '../subscriptions/article-event.repository';
import { resumeAfter, toArticleEvent } from '../subscriptions/article-event.service';
import type { ArticleEventFilter } from '../subscriptions/article-event.types';
import type { ArticleChanges } from './sync.types';

export const DEFAULT_CHANGES_PAGE = 100;
export const MAX_CHANGES_PAGE = 500;

/**
 * Offline sync over the event outbox: the same events, cursors, filters
 * and retention as the subscriptions, in pages, over plain HTTP.
 */
export class SyncService {
  constructor(
    private readonly events: ArticleEventRepository,
    private readonly articles: ArticleRepository,
    private readonly retentionDays: number,
  ) {}

  async changes(after: string | null | undefined, first: number | null | undefined, filter: ArticleEventFilter | null | undefined): Promise<ArticleChanges> {
    assertLanguage(filter?.language);
    const size = pageSize('first', first, DEFAULT_CHANGES_PAGE, MAX_CHANGES_PAGE);
    const prunedThrough = () => this.events.prunedThrough();
    const afterId = after == null ? await prunedThrough() : await resumeAfter(after, prunedThrough, Errors.changesCursorExpired('after', this.retentionDays));
    // Read the head first: every event up to it is committed (PostgreSQL
    // commits events in id order, see ArticleEventRepository), so a page that
    // is not full may end there even when the filter matched nothing since.
    const head = await this.events.lastId();
    const criteria = { language: filter?.language, categorySlug: filter?.categorySlug, sourceSlug: filter?.sourceSlug };
    const rows = await this.events.listAfter(afterId, size + 1, criteria);
    const hasNextPage = rows.length > size;
    const page = rows.slice(0, size);
    const articles = new Map((await this.articles.findByIds(page.map((row) => row.articleId))).map((article) => [article.id, article]));
    const events = page.flatMap((record) => {
      const article = articles.get(record.articleId);
      return article ? [toArticleEvent({ record, article })] : [];
    });
    const lastRead = page.at(-1)?.id ?? afterId;
    const endId = hasNextPage ? lastRead : Math.max(lastRead, head, afterId);
    return { events, pageInfo: { endCursor: encodeEventCursor(endId), hasNextPage } };
  }
}
