import { ArticleStatus } from '../src/articles/article.enums';
import { openCore, type Core } from '../src/composition-root';
import { runSql } from '../src/db/sql';
import { decodeEventCursor, encodeEventCursor } from '../src/subscriptions/article-event.cursor';
import { articleDraft, createArticles } from './factories/article.factory';
import { testConfig, testDialect } from './helpers/test-database';
import { startTestServer, type TestServer } from './helpers/test-server';
import { subscribe, waitUntil, wsClient } from './helpers/ws-client';

const EVENT_FIELDS = 'cursor kind articleId occurredAt article { id title language status category { slug } source { slug } }';
const PUBLISHED = `subscription Published($filter: ArticleEventFilter, $after: String) {
  articlePublished(filter: $filter, after: $after) { ${EVENT_FIELDS} }
}`;

describe('article event subscriptions over graphql-ws', () => {
  let server: TestServer;
  const clients: Array<{ dispose(): void | Promise<void> }> = [];
  const client = () => {
    const c = wsClient(server.url);
    clients.push(c);
    return c;
  };
  /** Waits until the server holds `count` live subscribers, so a write made next cannot race the subscribe message. */
  const subscribers = (count: number) => waitUntil(() => server.app.subscriptions.feed.subscriberCount >= count, 5_000, () => 'for subscribers');

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await waitUntil(() => server.app.subscriptions.feed.subscriberCount === 0);
  });
  afterAll(() => server.close());

  it('delivers an article published by an import, end to end', async () => {
    const sub = subscribe(client(), PUBLISHED);
    await subscribers(1);
    const summary = await server.app.services.importer.run([{ ref: { file: 'test.tsv', line: 2 }, draft: articleDraft({ title: 'Rais azindua reli mpya' }) }]);
    expect(summary.created).toBe(1);
    const [event] = await sub.waitFor(1);
    expect(event.articlePublished).toMatchObject({
      kind: 'PUBLISHED',
      article: { title: 'Rais azindua reli mpya', language: 'sw', status: 'PUBLISHED', category: { slug: 'siasa' }, source: { slug: 'bbc-swahili' } },
    });
    expect(event.articlePublished.articleId).toBe(event.articlePublished.article.id);
    expect(decodeEventCursor(event.articlePublished.cursor)).toBeGreaterThan(0);
  });

  it('applies the filter: a Hausa subscriber does not see a Swahili article', async () => {
    const hausa = subscribe(client(), PUBLISHED, { filter: { language: 'ha' } });
    const swahili = subscribe(client(), PUBLISHED, { filter: { language: 'sw', categorySlug: 'michezo' } });
    await subscribers(2);
    await createArticles(server.app, [
      articleDraft({ title: 'Habari ya Kiswahili', category: { name: 'Michezo' } }),
      articleDraft({ title: 'Siasa ya Kiswahili' }),
      articleDraft({ language: 'ha', title: 'Labarai na Hausa', category: { name: 'Siyasa' }, source: { name: 'BBC Hausa' } }),
    ]);
    // Events arrive in commit order, so a wrongly delivered Swahili event would come first.
    expect((await hausa.waitFor(1)).map((e) => e.articlePublished.article.title)).toEqual(['Labarai na Hausa']);
    expect((await swahili.waitFor(1)).map((e) => e.articlePublished.article.title)).toEqual(['Habari ya Kiswahili']);
    await createArticles(server.app, [articleDraft({ title: 'Mwisho', category: { name: 'Michezo' } })]);
    await swahili.waitFor(2);
    expect(hausa.events).toHaveLength(1);
    expect(swahili.events).toHaveLength(2);
  });

  it('emits UPDATED for a change to a public article and UNPUBLISHED when it stops being public', async () => {
    const c = client();
    const published = subscribe(c, PUBLISHED);
    const updated = subscribe(c, `subscription { articleUpdated { ${EVENT_FIELDS} } }`);
    const unpublished = subscribe(c, `subscription { articleUnpublished { ${EVENT_FIELDS} } }`);
    await subscribers(3);
    const canonicalUrl = 'https://www.bbc.com/swahili/habari-1';
    const draft = articleDraft({ canonicalUrl, title: 'Toleo la kwanza' });
    await createArticles(server.app, [articleDraft({ title: 'Rasimu', status: ArticleStatus.DRAFT }), draft]);
    await createArticles(server.app, [draft]); // same input: unchanged, no event
    await createArticles(server.app, [{ ...draft, title: 'Toleo la pili' }]);
    await createArticles(server.app, [{ ...draft, title: 'Toleo la pili', status: ArticleStatus.DRAFT }]);
    await createArticles(server.app, [{ ...draft, title: 'Toleo la tatu', status: ArticleStatus.DRAFT }]); // still not public: nothing

    const [pub] = await published.waitFor(1);
    const [upd] = await updated.waitFor(1);
    const [unp] = await unpublished.waitFor(1);
    expect(pub.articlePublished).toMatchObject({ kind: 'PUBLISHED', article: { title: 'Toleo la kwanza' } });
    expect(upd.articleUpdated).toMatchObject({ kind: 'UPDATED', articleId: pub.articlePublished.articleId });
    expect(unp.articleUnpublished).toMatchObject({ kind: 'UNPUBLISHED', articleId: pub.articlePublished.articleId, article: { status: 'DRAFT' } });
    const ids = [pub.articlePublished, upd.articleUpdated, unp.articleUnpublished].map((e) => decodeEventCursor(e.cursor)!);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    await server.app.subscriptions.feed.poll();
    expect([published.events.length, updated.events.length, unpublished.events.length]).toEqual([1, 1, 1]);
  });

  it('rejects an unknown language and a forged cursor as BAD_USER_INPUT', async () => {
    const c = client();
    const badLanguage = subscribe(c, PUBLISHED, { filter: { language: 'xx' } });
    const badCursor = subscribe(c, PUBLISHED, { after: 'not-a-cursor' });
    await waitUntil(() => badLanguage.errors.length > 0 && badCursor.errors.length > 0);
    expect(badLanguage.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'UNKNOWN_LANGUAGE' } });
    expect(badCursor.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' } });
  });

  it('says subscriptions need a WebSocket when one is sent over HTTP', async () => {
    const { errors } = await server.query('subscription { articlePublished { cursor } }');
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SUBSCRIPTIONS_NEED_WEBSOCKET' });
  });

  it('resumes after a disconnect: exactly the 1,000 missed events, in order, then live ones', async () => {
    const first = wsClient(server.url);
    const sub = subscribe(first, PUBLISHED, { filter: { language: 'so' } });
    await subscribers(1);
    await createArticles(server.app, [articleDraft({ language: 'so', title: 'Warka 0000', category: { name: 'Siyaasad' } })]);
    const [seen] = await sub.waitFor(1);
    await first.dispose();
    await waitUntil(() => server.app.subscriptions.feed.subscriberCount === 0);

    const titles = Array.from({ length: 1_000 }, (_, i) => `Warka ${String(i + 1).padStart(4, '0')}`);
    for (let i = 0; i < titles.length; i += 250) {
      await createArticles(server.app, titles.slice(i, i + 250).map((title) => articleDraft({ language: 'so', title, category: { name: 'Siyaasad' } })));
      await createArticles(server.app, [articleDraft({ title: `Kiswahili ${i}` })]); // filtered out
    }

    // Reconnect while more articles are being written: the seam between replay and live must hold.
    const resumed = subscribe(client(), PUBLISHED, { filter: { language: 'so' }, after: seen.articlePublished.cursor });
    const more = Array.from({ length: 100 }, (_, i) => `Warka ${String(1_001 + i).padStart(4, '0')}`);
    for (const title of more) await createArticles(server.app, [articleDraft({ language: 'so', title, category: { name: 'Siyaasad' } })]);

    const events = await resumed.waitFor(1_100, 30_000);
    expect(events.map((e) => e.articlePublished.article.title)).toEqual([...titles, ...more]);
    const ids = events.map((e) => decodeEventCursor(e.articlePublished.cursor)!);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1])).toBe(true);
    await server.app.subscriptions.feed.poll();
    expect(resumed.events).toHaveLength(1_100);
  }, 120_000);

  // SQLite has one writer at a time, so ids commit in order there by construction.
  (testDialect === 'postgres' ? it : it.skip)('loses nothing when concurrent transactions would commit event ids out of order', async () => {
    await createArticles(server.app, [articleDraft({ title: 'Maandalizi' })]); // category and source exist: no row-lock waits below
    // The feed has handed out the preparation's event: a subscriber without `after` starts after it.
    await server.app.subscriptions.feed.poll();
    const sub = subscribe(client(), PUBLISHED);
    await subscribers(1);
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const slow = server.app.repositories.writes.transaction(async (tx) => {
      const change = await server.app.services.writer.upsert(tx, articleDraft({ title: 'Polepole' }));
      await sleep(600); // holds its event id uncommitted while the next writer tries to commit
      return change;
    });
    await sleep(150);
    await Promise.all([slow, createArticles(server.app, [articleDraft({ title: 'Haraka' })])]);
    const events = await sub.waitFor(2);
    expect(events.map((e) => e.articlePublished.article.title)).toEqual(['Polepole', 'Haraka']);
  });

  it('picks up events another process writes to the same database, which it cannot hear (the poller)', async () => {
    const other: Core = await openCore(testConfig(server.app.config.database));
    try {
      const sub = subscribe(client(), PUBLISHED);
      await subscribers(1);
      // `other` has its own in-memory bus: no announcement reaches the server, only its outbox poll does.
      await createArticles(other, [articleDraft({ title: 'Imeandikwa na mchakato mwingine' })]);
      const [event] = await sub.waitFor(1, 5_000);
      expect(event.articlePublished.article.title).toBe('Imeandikwa na mchakato mwingine');
    } finally {
      await other.close();
    }
  });

  it('prunes events older than the retention, and refuses to resume below them with a clear error', async () => {
    await createArticles(server.app, [articleDraft({ title: 'Tukio la zamani' })]);
    await createArticles(server.app, [articleDraft({ title: 'Tukio jipya' })]);
    const ids = (await runSql<{ id: number }>(server.app.dataSource, 'SELECT id FROM article_events ORDER BY id')).map((row) => Number(row.id));
    const [newest, lastOld] = [ids[ids.length - 1], ids[ids.length - 2]];
    // Every event but the newest is now 15 days old (the default retention is 14).
    await runSql(server.app.dataSource, 'UPDATE article_events SET created_at = ? WHERE id < ?', [Date.now() - 15 * 86_400_000, newest]);

    expect(await server.app.subscriptions.feed.prune()).toBe(ids.length - 1);
    expect(await server.app.subscriptions.feed.prune()).toBe(0);
    expect((await runSql<{ id: number }>(server.app.dataSource, 'SELECT id FROM article_events')).map((row) => Number(row.id))).toEqual([newest]);
    expect(await server.app.subscriptions.feed.prunedThrough()).toBe(lastOld);

    const expired = subscribe(client(), PUBLISHED, { after: encodeEventCursor(ids[0]) });
    await waitUntil(() => expired.errors.length > 0);
    expect(expired.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'CURSOR_EXPIRED', retentionDays: 14 } });
    expect((expired.errors[0] as { message: string }).message).toContain('subscribe without `after`');

    // A client that saw the last pruned event has missed nothing: it resumes exactly.
    const resumed = subscribe(client(), PUBLISHED, { after: encodeEventCursor(lastOld) });
    const [event] = await resumed.waitFor(1);
    expect(event.articlePublished.article.title).toBe('Tukio jipya');
  });
});
