import { ArticleStatus } from '../src/articles/article.enums';
import { runSql } from '../src/db/sql';
import { encodeEventCursor } from '../src/subscriptions/article-event.cursor';
import { articleDraft, createArticles } from './factories/article.factory';
import { startTestServer, type TestServer } from './helpers/test-server';

const CHANGES = `query Changes($after: String, $first: Int, $filter: ArticleEventFilter) {
  changes(after: $after, first: $first, filter: $filter) {
    events { cursor kind articleId article { title language } }
    pageInfo { endCursor hasNextPage }
  }
}`;

interface Page {
  events: Array<{ cursor: string; kind: string; articleId: string; article: { title: string; language: string } }>;
  pageInfo: { endCursor: string; hasNextPage: boolean };
}

describe('changes: offline sync over the event outbox', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const changes = async (variables: Record<string, unknown>) => {
    const answer = await server.query<{ changes: Page }>(CHANGES, variables);
    if (answer.errors) throw Object.assign(new Error(answer.errors[0].message), { errors: answer.errors });
    return answer.data!.changes;
  };

  /** What a phone does: page until nothing is waiting, applying events to its store. */
  async function catchUp(store: Map<string, string>, after: string | null, filter?: Record<string, string>) {
    let requests = 0;
    let cursor = after;
    for (;;) {
      const page = await changes({ after: cursor, first: 500, filter });
      requests += 1;
      for (const event of page.events) {
        if (event.kind === 'UNPUBLISHED') store.delete(event.articleId);
        else store.set(event.articleId, event.article.title);
      }
      cursor = page.pageInfo.endCursor;
      if (!page.pageInfo.hasNextPage) return { cursor, requests };
    }
  }

  const publishedNow = async (language?: string) => {
    const store = new Map<string, string>();
    let after: string | null = null;
    for (;;) {
      const answer: any = await server.query(
        `query P($after: String, $language: String) { articles(first: 100, after: $after, filter: { language: $language }) { edges { node { id title } } pageInfo { endCursor hasNextPage } } }`,
        { after, language },
      );
      for (const { node } of answer.data.articles.edges) store.set(node.id, node.title);
      if (!answer.data.articles.pageInfo.hasNextPage) return store;
      after = answer.data.articles.pageInfo.endCursor;
    }
  };

  it('a phone offline for a week of changes catches up in a few requests, takedowns included', async () => {
    const { cursor: start } = await catchUp(new Map(), null);
    const phone = await publishedNow();
    // A week in a small newsroom: 600 new articles in two languages, 150 corrections, 60 takedowns.
    const drafts = Array.from({ length: 600 }, (_, i) =>
      articleDraft({ language: i % 3 ? 'sw' : 'en', title: `Wiki ${i}`, canonicalUrl: `https://example.org/week/${i}`, category: { name: i % 2 ? 'Siasa' : 'Uchumi' } }),
    );
    await createArticles(server.app, drafts);
    await createArticles(server.app, drafts.slice(0, 150).map((d) => ({ ...d, title: `${d.title} (imesahihishwa)` })));
    await createArticles(server.app, drafts.slice(100, 160).map((d) => ({ ...d, title: `${d.title} (imesahihishwa)`, status: ArticleStatus.DRAFT })));

    const { requests, cursor } = await catchUp(phone, start);
    expect(requests).toBe(2); // 810 events, 500 a page
    expect(phone).toEqual(await publishedNow());
    expect(phone.size).toBe(540);
    // Nothing new: one request, the same cursor back.
    expect(await catchUp(phone, cursor)).toEqual({ cursor, requests: 1 });
  }, 240_000); // 810 writes: on a busy shared machine PostgreSQL took over a minute

  it('filters like the subscriptions, and a narrow filter still moves its cursor forward', async () => {
    const { cursor: start } = await catchUp(new Map(), null);
    await createArticles(server.app, [articleDraft({ language: 'en', title: 'English only', canonicalUrl: 'https://example.org/en-only' })]);
    const hausa = await changes({ after: start, filter: { language: 'ha' } });
    expect(hausa.events).toEqual([]);
    expect(hausa.pageInfo.endCursor).not.toBe(start);
    const english = await changes({ after: start, filter: { language: 'en' } });
    expect(english.events.map((e) => e.article.title)).toEqual(['English only']);
    expect(english.pageInfo.endCursor).toBe(hausa.pageInfo.endCursor);
  });

  it('pages are bounded with the standard errors, and cursors are checked', async () => {
    const tooMany = await server.query(CHANGES, { first: 501 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_TOO_LARGE', argument: 'first', max: 500 });
    const negative = await server.query(CHANGES, { first: -1 });
    expect(negative.errors?.[0].extensions).toMatchObject({ reason: 'PAGE_SIZE_NEGATIVE' });
    const bad = await server.query(CHANGES, { after: 'not-a-cursor' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
    const language = await server.query(CHANGES, { filter: { language: 'xx' } });
    expect(language.errors?.[0].extensions).toMatchObject({ reason: 'UNKNOWN_LANGUAGE' });
    // The page size comes from `first`: three events, then more waiting.
    const three = await changes({ first: 3 });
    expect(three.events).toHaveLength(3);
    expect(three.pageInfo.hasNextPage).toBe(true);
    expect(three.pageInfo.endCursor).toBe(three.events[2].cursor);
  });

  it('refuses a cursor below the pruned events with CURSOR_EXPIRED, and resumes exactly from the last pruned one', async () => {
    await createArticles(server.app, [articleDraft({ title: 'Tukio jipya kabisa', canonicalUrl: 'https://example.org/newest' })]);
    const ids = (await runSql<{ id: number }>(server.app.dataSource, 'SELECT id FROM article_events ORDER BY id')).map((row) => Number(row.id));
    const [newest, lastOld] = [ids[ids.length - 1], ids[ids.length - 2]];
    await runSql(server.app.dataSource, 'UPDATE article_events SET created_at = ? WHERE id < ?', [Date.now() - 15 * 86_400_000, newest]);
    await server.app.subscriptions.feed.prune();

    const expired = await server.query(CHANGES, { after: encodeEventCursor(ids[0]) });
    expect(expired.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CURSOR_EXPIRED', retentionDays: 14 });
    expect(expired.errors?.[0].message).toContain('reload what you keep offline');

    const resumed = await changes({ after: encodeEventCursor(lastOld) });
    expect(resumed.events.map((e) => e.article.title)).toEqual(['Tukio jipya kabisa']);
    // Without `after`: from the oldest kept event.
    expect((await changes({})).events.map((e) => e.article.title)).toEqual(['Tukio jipya kabisa']);
  });
});
