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
    const afterId = after == null ? null : await resumeAfter(after, () => this.feed.prunedThrough(), Errors.eventCursorExpired('after', this.retentionDays));
    const criteria = { kind, language: filter?.language, categorySlug: filter?.categorySlug, sourceSlug: filter?.sourceSlug };
    return this.feed.open(criteria, afterId, connection);
  }
}

/**
 * The outbox id an `after` cursor resumes from, shared by subscriptions and
 * `changes`: not one of our cursors is INVALID_CURSOR; below the pruned
 * prefix would skip events without a word, so it is refused (`expired`).
 */
export async function resumeAfter(after: string, prunedThrough: () => Promise<number>, expired: Error): Promise<number> {
  const afterId = decodeEventCursor(after);
  if (afterId == null) throw Errors.invalidEventCursor('after');
  if (afterId < (await prunedThrough())) throw expired;
  return afterId;
}

export function toArticleEvent(delivery: Pick<EventDelivery, 'record' | 'article'>): ArticleEvent {
  const { record, article } = delivery;
  return {
    cursor: encodeEventCursor(record.id),
    kind: record.kind,
    articleId: toGlobalId('Article', record.articleId),
    article,
    occurredAt: record.createdAt,
  };
}
