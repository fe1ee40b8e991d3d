import type { ArticleEventRecord } from '../subscriptions/article-event.entity';
import { ArticleEventKind } from '../subscriptions/article-event.types';
import { changeFactsOfEvent, EventInvalidator } from './cache.invalidation';
import { tagsForChange } from './cache.tags';
import { ResponseCache } from './response-cache';

const event = (id: number, articleId: number): ArticleEventRecord =>
  ({
    id,
    kind: ArticleEventKind.UPDATED,
    articleId,
    language: 'sw',
    categorySlug: 'siasa',
    sourceSlug: null,
    previousLanguage: null,
    previousCategorySlug: null,
    previousSourceSlug: null,
    createdAt: new Date(0),
  }) as unknown as ArticleEventRecord;

describe('EventInvalidator', () => {
  /** An entry that carries every tag the event touches, stored after whatever happened so far. */
  const storeShowing = (cache: ResponseCache, key: string, record: ArticleEventRecord) =>
    cache.store(key, '{}', 'application/json', tagsForChange(changeFactsOfEvent(record)), cache.ticket());

  it('drops what an event touches once: at this process\'s commit, not again when the feed reads the row', () => {
    const cache = new ResponseCache(1 << 20);
    const invalidator = new EventInvalidator(cache);
    const mine = event(7, 1);
    storeShowing(cache, 'before', mine);
    invalidator.committedHere(mine);
    expect(cache.lookup('before')).toBeUndefined();
    // Computed after the commit: fresh, and the feed's later read of the same row leaves it.
    storeShowing(cache, 'after', mine);
    invalidator.readFromOutbox([mine]);
    expect(cache.lookup('after')).toBeDefined();
  });

  it('drops what other writers\' events touch when the feed reads them', () => {
    const cache = new ResponseCache(1 << 20);
    const invalidator = new EventInvalidator(cache);
    const theirs = event(8, 2);
    storeShowing(cache, 'entry', theirs);
    invalidator.readFromOutbox([theirs]);
    expect(cache.lookup('entry')).toBeUndefined();
  });
});
