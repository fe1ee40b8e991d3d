import { ArticleStatus } from '../src/articles/article.enums';
import { toGlobalId } from '../src/graphql/global-id';
import { drainRelatedQueue } from '../src/related/related.indexer';
import { articleDraft, createArticles } from './factories/article.factory';
import { STORIES, storyDraft, storyDrafts } from './factories/related.stories';
import { startTestServer, type TestServer } from './helpers/test-server';

const BASE = 'https://habari.example.org';
const KIND_ORDER = ['CURATED', 'RELATED', 'SAME_CATEGORY', 'LATEST'];

const READ_MORE = `query($id: ID!, $first: Int) {
  article(id: $id) { id url readMore(first: $first) { title url kind article { id title } } }
}`;
const SET_LINKS = `mutation($articleId: ID!, $links: [ReadMoreLinkInput!]!) {
  setReadMoreLinks(articleId: $articleId, links: $links) { id readMore(first: 10) { kind title url } }
}`;

type Link = { title: string; url: string; kind: string; article: { id: string; title: string } | null };

describe('read more, public URLs and next/previous', () => {
  let server: TestServer;
  const ids = new Map<string, string>();
  const slugs = new Map<string, string>();
  const [wetangula, marende, wabunge] = STORIES.bunge.articles.map((a) => a.title);
  const simba = STORIES.mpira.articles[0].title;
  const readMore = async (title: string, first?: number): Promise<Link[]> => {
    const { data, errors } = await server.query(READ_MORE, { id: ids.get(title), first });
    expect(errors).toBeUndefined();
    return data.article.readMore;
  };
  let editorKey: string;
  const setLinks = (title: string, links: unknown[]) => server.query(SET_LINKS, { articleId: ids.get(title), links }, editorKey);
  const expectWellFormed = (links: Link[], self: string) => {
    const articleIds = links.flatMap((link) => (link.article ? [link.article.id] : []));
    expect(new Set(articleIds).size).toBe(articleIds.length);
    expect(new Set(links.map((link) => link.url)).size).toBe(links.length);
    expect(articleIds).not.toContain(ids.get(self));
    expect(links.map((link) => link.title)).not.toContain('Rasimu ya siasa');
    const order = links.map((link) => KIND_ORDER.indexOf(link.kind));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  };

  beforeAll(async () => {
    server = await startTestServer({ env: { PUBLIC_BASE_URL: `${BASE}/` } });
    editorKey = await server.createKey('editor');
    const drafts = [
      ...storyDrafts().map((d) => d.draft),
      articleDraft({ title: 'Habari bila kategoria', category: null, publishedAt: new Date(Date.UTC(2024, 5, 3)) }),
      articleDraft({ title: 'Rasimu ya siasa', category: { name: 'Siasa' }, status: ArticleStatus.DRAFT }),
      articleDraft({ language: 'ha', title: 'Labarai na Hausa', category: { name: 'Siyasa' } }),
    ];
    for (const change of await createArticles(server.app, drafts)) {
      ids.set(change.article.title, toGlobalId('Article', change.article.id));
      slugs.set(change.article.title, change.article.slug);
    }
    await drainRelatedQueue(server.app);
  });
  afterAll(() => server.close());

  it('gives every article its public URL, with or without a category', async () => {
    const { data } = await server.query(`query($a: ID!, $b: ID!) { a: article(id: $a) { url } b: article(id: $b) { url } }`, {
      a: ids.get(wetangula),
      b: ids.get('Habari bila kategoria'),
    });
    expect(data.a.url).toBe(`${BASE}/sw/siasa/${slugs.get(wetangula)}`);
    expect(data.b.url).toBe(`${BASE}/sw/${slugs.get('Habari bila kategoria')}`);
  });

  it('fills read more with related articles first, then the category, then the language', async () => {
    const links = await readMore(wetangula);
    expect(links).toHaveLength(3);
    expectWellFormed(links, wetangula);
    expect(links.slice(0, 2).map((l) => [l.kind, l.title]).sort()).toEqual([['RELATED', marende], ['RELATED', wabunge]]);
    expect(links[0].url).toBe(`${BASE}/sw/siasa/${slugs.get(links[0].article!.title)}`);

    const all = await readMore(wetangula, 20);
    // Every other published Swahili article, once: 9 story articles + 1 without category - itself.
    expect(all).toHaveLength(9);
    expectWellFormed(all, wetangula);
    expect(all.map((l) => l.kind)).toContain('LATEST');
    expect(all.some((l) => l.title === 'Labarai na Hausa')).toBe(false);

    const uncategorised = await readMore('Habari bila kategoria', 5);
    expect(uncategorised).toHaveLength(5);
    expectWellFormed(uncategorised, 'Habari bila kategoria');
    expect(uncategorised.map((l) => l.kind)).not.toContain('SAME_CATEGORY');
    expect(await readMore(simba, 0)).toEqual([]);
  });

  it('puts curated links first, in order, internal and external, and never repeats an article or URL', async () => {
    const external = { url: 'https://example.org/uchambuzi', title: 'Uchambuzi wa bunge' };
    const { data, errors } = await setLinks(wetangula, [
      { articleId: ids.get(STORIES.mvua.articles[0].title) },
      external,
      { articleId: ids.get(marende), title: 'Marende ajiondoa (kwa ufupi)' },
      { articleId: ids.get('Rasimu ya siasa') },
    ]);
    expect(errors).toBeUndefined();
    expect(data.setReadMoreLinks.readMore.slice(0, 3)).toEqual([
      { kind: 'CURATED', title: STORIES.mvua.articles[0].title, url: `${BASE}/sw/mazingira/${slugs.get(STORIES.mvua.articles[0].title)}` },
      { kind: 'CURATED', title: external.title, url: external.url },
      { kind: 'CURATED', title: 'Marende ajiondoa (kwa ufupi)', url: `${BASE}/sw/siasa/${slugs.get(marende)}` },
    ]);
    const links = await readMore(wetangula, 6);
    expect(links).toHaveLength(6);
    expectWellFormed(links, wetangula);
    expect(links[3]).toMatchObject({ kind: 'RELATED', title: wabunge });
    expect(links[1].article).toBeNull();
    expect((await readMore(wetangula, 2)).map((l) => l.kind)).toEqual(['CURATED', 'CURATED']);

    // An external link to one of our own pages counts as that article.
    const wabungeUrl = `${BASE}/sw/siasa/${slugs.get(wabunge)}`;
    await setLinks(marende, [{ url: wabungeUrl, title: 'Wabunge waapishwa' }]);
    const marendeLinks = await readMore(marende, 5);
    expectWellFormed(marendeLinks, marende);
    expect(marendeLinks.filter((l) => l.url === wabungeUrl)).toHaveLength(1);
    expect(marendeLinks.map((l) => l.article?.title)).not.toContain(wabunge);

    const cleared = await setLinks(wetangula, []);
    expect(cleared.data.setReadMoreLinks.readMore.map((l: Link) => l.kind)).not.toContain('CURATED');
  });

  it('walks the category in publication order with next and previous', async () => {
    const NAV = `query($id: ID!) { article(id: $id) { next { title } previous { title } } }`;
    const nav = async (title: string) => (await server.query(NAV, { id: ids.get(title) })).data.article;
    expect(await nav(marende)).toEqual({ next: { title: wabunge }, previous: { title: wetangula } });
    expect(await nav(wetangula)).toEqual({ next: { title: marende }, previous: null });
    expect((await nav(wabunge)).next).toBeNull(); // the Siasa draft is not published
    expect(await nav('Habari bila kategoria')).toEqual({ next: null, previous: null });
  });

  it('runs a constant number of statements for a list of articles with read more, URLs and neighbours', async () => {
    const query = `query($n: Int) { articles(first: $n, filter: { language: "sw" }) { edges { node { url next { title } previous { url } readMore(first: 4) { url kind article { title } } } } } }`;
    const statementsFor = async (n: number) => {
      const before = server.app.statements.total;
      const { errors, data } = await server.query(query, { n });
      expect(errors).toBeUndefined();
      expect(data.articles.edges.every((edge: any) => edge.node.readMore.length === 4)).toBe(true);
      return server.app.statements.total - before;
    };
    // One batch per loader however many articles: the list, curated links and their targets, stored
    // related lists and their articles, latest per category and language, categories, next, previous.
    expect(await statementsFor(3)).toBeLessThanOrEqual(10);
    expect(await statementsFor(10)).toBeLessThanOrEqual(10);
  });

  it.each([
    [[{ url: 'https://a.example/1', articleId: 'x' }], 'links[0]', 'exactly one of'],
    [[{ title: 'Hakuna' }], 'links[0]', 'exactly one of'],
    [[{ url: 'ftp://example.org/file', title: 'FTP' }], 'links[0].url', 'absolute http(s) URL'],
    [[{ url: '/relative', title: 'Relative' }], 'links[0].url', 'absolute http(s) URL'],
    [[{ url: 'https://example.org/a' }], 'links[0].title', 'is required for an external link'],
    [[{ articleId: 'not-an-id' }], 'links[0].articleId', 'is not an article ID'],
    [[{ articleId: toGlobalId('Category', 1) }], 'links[0].articleId', 'is not an article ID'],
    [[{ articleId: toGlobalId('Article', 99_999) }], 'links[0].articleId', 'names no article'],
    [[{ url: 'https://example.org/a', title: 'A' }, { url: 'https://EXAMPLE.org/a', title: 'B' }], 'links[1]', 'repeats an earlier link'],
    [Array.from({ length: 11 }, (_, i) => ({ url: `https://example.org/${i}`, title: `L${i}` })), 'links', 'at most 10'],
  ])('refuses links %j with BAD_USER_INPUT on %s', async (links, argument, message) => {
    const { data, errors } = await setLinks(simba, links);
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(errors?.[0].message).toContain(message);
  });

  it('refuses a link to the article itself and an unknown article', async () => {
    const self = await setLinks(simba, [{ articleId: ids.get(simba) }]);
    expect(self.errors?.[0].message).toContain('is the article itself');
    const unknown = await server.query(SET_LINKS, { articleId: toGlobalId('Article', 99_999), links: [] }, editorKey);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const malformed = await server.query(SET_LINKS, { articleId: 'nope', links: [] }, editorKey);
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
  });

  it('lets only editors set links', async () => {
    const { data, errors } = await server.query(SET_LINKS, { articleId: ids.get(simba), links: [{ url: 'https://example.org/x', title: 'X' }] });
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MISSING_KEY' });
    expect((await readMore(simba, 3)).map((l) => l.kind)).not.toContain('CURATED');
  });
});
