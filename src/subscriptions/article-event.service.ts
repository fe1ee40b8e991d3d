import { assertLanguage } from '../languages/language.catalogue';
import { Errors } from '../errors/error.catalogue';
import { toGlobalId } from '../graphql/global-id';
import { decodeEventCursor, encodeEventCursor } from './article-event.cursor';
import type { ArticleEventFeed } from './article-event.feed';
import type { EventDelivery, SubscriberConnection } from './article-event.stream';
import type { ArticleEvent, ArticleEventFilter, ArticleEventKind } from './article-event.types';

/** The rules of subscribing: validate the filter and cursor, then stream from this instance's feed. */
export class ArticleEventService {
  constructor(
    private readonly feed: ArticleEventFeed,
    private readonly retentionDays: number,
  ) {}

  async subscribe(
    kind: ArticleEventKind,
    filter: ArticleEventFilter | null | undefined,
    after: string | null | undefined,
    connection: SubscriberConnection | null,
  ): Promise<AsyncIterableIterator<EventDelivery>> {
    assertLanguage(filter?.language);
    let afterId: number | null = null;
    if (after != null) {
      afterId = decodeEventCursor(after);
      if (afterId == null) throw Errors.invalidEventCursor('after');
      // Resuming below the pruned prefix would skip events without a word: refuse it.
      if (afterId < (await this.feed.prunedThrough())) throw Errors.eventCursorExpired('after', this.retentionDays);
    }
    const criteria = { kind, language: filter?.language, categorySlug: filter?.categorySlug, sourceSlug: filter?.sourceSlug };
    return this.feed.open(criteria, afterId, connection);
  }
}

export function toArticleEvent(delivery: EventDelivery): ArticleEvent {
  const { record, article } = delivery;
  return {
    cursor: encodeEventCursor(record.id),
    kind: record.kind,
    articleId: toGlobalId('Article', record.articleId),
    article,
    occurredAt: record.createdAt,
  };
}
