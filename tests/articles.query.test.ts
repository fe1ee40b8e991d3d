import { ArticleStatus } from '../src/articles/article.enums';
import { articleDraft, createArticles } from './factories/article.factory';
import { startTestServer, type TestServer } from './helpers/test-server';

const LIST = `query List($first: Int, $after: String, $last: Int, $before: String, $filter: ArticleFilter, $orderBy: ArticleOrder) {
  articles(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id title slug language } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe('public article queries', () => {
  let server: TestServer;
  const titles: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    const base = Date.UTC(2024, 8, 1);
    const drafts = [];
    for (let i = 0; i < 30; i += 1) {
      const title = `Habari ${String(i).padStart(2, '0')} ya Kiswahili`;
      titles.push(title);
      drafts.push(
        articleDraft({
          title,
          publishedAt: new Date(base + i * 3_600_000),
          category: { name: i % 2 ? 'Siasa' : 'Michezo' },
          tags: i % 3 === 0 ? ['uchaguzi'] : [],
        }),
      );
    }
    drafts.push(articleDraft({ language: 'ha', title: 'Labarai na Hausa', category: { name: 'Siyasa' }, source: { name: 'BBC Hausa' }, publishedAt: new Date(base) }));
    drafts.push(articleDraft({ title: 'Rasimu isiyochapishwa', status: ArticleStatus.DRAFT }));
    await createArticles(server.app, drafts);
  });
  afterAll(() => server.close());

  it('lists published articles newest first, 20 by default, with a total', async () => {
    const { data, errors } = await server.query(LIST, { filter: { language: 'sw' } });
    expect(errors).toBeUndefined();
    expect(data.articles.totalCount).toBe(30);
    expect(data.articles.edges).toHaveLength(20);
    expect(data.articles.edges[0].node.title).toBe('Habari 29 ya Kiswahili');
    expect(data.articles.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(data.articles.edges.map((e: any) => e.node.title)).not.toContain('Rasimu isiyochapishwa');
  });

  it('pages forward and backward with cursors without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { data }: any = await server.query(LIST, { first: 7, after, filter: { language: 'sw' } });
      seen.push(...data.articles.edges.map((e: any) => e.node.title));
      if (!data.articles.pageInfo.hasNextPage) break;
      after = data.articles.pageInfo.endCursor;
    }
    expect(seen).toEqual([...titles].reverse());

    const { data: last } = await server.query(LIST, { last: 5, filter: { language: 'sw' } });
    expect(last.articles.edges.map((e: any) => e.node.title)).toEqual(titles.slice(0, 5).reverse());
    expect(last.articles.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const { data: before } = await server.query(LIST, { last: 3, before: last.articles.pageInfo.startCursor, filter: { language: 'sw' } });
    expect(before.articles.edges.map((e: any) => e.node.title)).toEqual(titles.slice(5, 8).reverse());
  });

  it('filters by category, source, tag, language and date range', async () => {
    const byCategory = await server.query(LIST, { first: 100, filter: { language: 'sw', categorySlug: 'siasa' } });
    expect(byCategory.data.articles.totalCount).toBe(15);
    const bySource = await server.query(LIST, { first: 100, filter: { sourceSlug: 'bbc-hausa' } });
    expect(bySource.data.articles.edges.map((e: any) => e.node.title)).toEqual(['Labarai na Hausa']);
    const byTag = await server.query(LIST, { first: 100, filter: { tag: 'uchaguzi' } });
    expect(byTag.data.articles.totalCount).toBe(10);
    const byDate = await server.query(LIST, {
      first: 100,
      filter: { language: 'sw', publishedAfter: '2024-09-01T04:30:00.000Z', publishedBefore: '2024-09-01T08:30:00.000Z' },
    });
    expect(byDate.data.articles.edges.map((e: any) => e.node.title)).toEqual(['Habari 08 ya Kiswahili', 'Habari 07 ya Kiswahili', 'Habari 06 ya Kiswahili', 'Habari 05 ya Kiswahili']);
    const oldestFirst = await server.query(LIST, { first: 2, filter: { language: 'sw' }, orderBy: 'PUBLISHED_AT_ASC' });
    expect(oldestFirst.data.articles.edges.map((e: any) => e.node.title)).toEqual(['Habari 00 ya Kiswahili', 'Habari 01 ya Kiswahili']);
  });

  it.each([
    [{ first: 101 }, 'PAGE_SIZE_TOO_LARGE', 'at most 100'],
    [{ first: 5, after: 'not-a-cursor' }, 'INVALID_CURSOR', 'is not a cursor'],
    [{ filter: { language: 'xx' } }, 'UNKNOWN_LANGUAGE', 'sw, ha, am, so, fr, en'],
    [{ filter: { language: 'sw', publishedAfter: '2024-10-01T00:00:00Z', publishedBefore: '2024-09-01T00:00:00Z' } }, 'INVALID_DATE_RANGE', 'earlier than'],
  ])('rejects %j with BAD_USER_INPUT %s', async (variables, reason, message) => {
    const { data, errors } = await server.query(LIST, variables);
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(errors?.[0].message).toContain(message);
  });

  it('finds one article by slug and language, by id, and through node(id)', async () => {
    const bySlug = await server.query(`{ article(slug: "habari-03-ya-kiswahili", language: "sw") { id title category { name slug } } }`);
    expect(bySlug.data.article).toMatchObject({ title: 'Habari 03 ya Kiswahili', category: { name: 'Siasa', slug: 'siasa' } });
    const id = bySlug.data.article.id;
    const byId = await server.query(`query($id: ID!) { article(id: $id) { title } node(id: $id) { id ... on Article { slug } } }`, { id });
    expect(byId.data).toEqual({ article: { title: 'Habari 03 ya Kiswahili' }, node: { id, slug: 'habari-03-ya-kiswahili' } });
  });

  it('answers null for unknown or unpublished articles and an error for a malformed id', async () => {
    const unknown = await server.query(`{ article(slug: "hakuna", language: "sw") { id } draft: article(slug: "rasimu-isiyochapishwa", language: "sw") { id } }`);
    expect(unknown.data).toEqual({ article: null, draft: null });
    const malformed = await server.query(`{ node(id: "123") { id } }`);
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
    const needsKey = await server.query(`{ article(slug: "x") { id } }`);
    expect(needsKey.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ARTICLE_LOOKUP_NEEDS_KEY' });
  });

  it('prints dates and reading time in the article language', async () => {
    const { data } = await server.query(`{
      sw: article(slug: "habari-03-ya-kiswahili", language: "sw") { publishedAtText(style: LONG) short: publishedAtText(style: SHORT) en: publishedAtText(locale: "en") readingTime { minutes text } }
      ha: article(slug: "labarai-na-hausa", language: "ha") { publishedAtText readingTime { text } }
    }`);
    expect(data.sw).toEqual({ publishedAtText: '1 Septemba 2024', short: '1 Sep 2024', en: 'September 1, 2024', readingTime: { minutes: 1, text: '1 dk kusoma' } });
    expect(data.ha).toEqual({ publishedAtText: '1 Satumba, 2024', readingTime: { text: 'mnt 1' } });
    const bad = await server.query(`{ article(slug: "habari-03-ya-kiswahili", language: "sw") { publishedAtText(locale: "!!") } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'locale' });
  });

  it('lists categories and sources with their articles', async () => {
    const { data } = await server.query(`{
      categories(language: "sw") { slug name language }
      category(slug: "michezo", language: "sw") { name articles(first: 2) { totalCount edges { node { title } } } }
      sources { slug name }
      source(slug: "bbc-hausa") { name articles { edges { node { title } } } }
      missing: category(slug: "hakuna", language: "sw") { name }
    }`);
    expect(data.categories).toEqual([
      { slug: 'michezo', name: 'Michezo', language: 'sw' },
      { slug: 'siasa', name: 'Siasa', language: 'sw' },
    ]);
    expect(data.category.articles.totalCount).toBe(15);
    expect(data.category.articles.edges.map((e: any) => e.node.title)).toEqual(['Habari 28 ya Kiswahili', 'Habari 26 ya Kiswahili']);
    expect(data.sources.map((s: any) => s.slug).sort()).toEqual(['bbc-hausa', 'bbc-swahili']);
    expect(data.source.articles.edges).toEqual([{ node: { title: 'Labarai na Hausa' } }]);
    expect(data.missing).toBeNull();
  });

  it('runs a constant number of SQL statements whatever the page size, and never writes', async () => {
    const query = `query($n: Int) { articles(first: $n) { edges { node { title body { type text } category { name } source { name } leadImage { url caption } images { url } } } } }`;
    const statementsFor = async (n: number) => {
      const before = server.app.statements.total;
      const writesBefore = server.app.statements.writes;
      const { errors, data } = await server.query(query, { n });
      expect(errors).toBeUndefined();
      expect(data.articles.edges).toHaveLength(n);
      expect(data.articles.edges[0].node.body.map((b: any) => b.type)).toEqual(['PARAGRAPH', 'SUBHEADING', 'PARAGRAPH']);
      expect(server.app.statements.writes).toBe(writesBefore);
      return server.app.statements.total - before;
    };
    const small = await statementsFor(2);
    const large = await statementsFor(31);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(7);
  });

  it('answers /healthz (the process is up; the database is /readyz)', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
