import { ArticleStatus } from '../src/articles/article.enums';
import { articleDraft, createArticles } from './factories/article.factory';
import { startTestServer, type TestServer } from './helpers/test-server';

const SEARCH = `query Search($q: String!, $language: String, $first: Int, $after: String, $filter: ArticleFilter) {
  search(query: $q, language: $language, first: $first, after: $after, filter: $filter) {
    totalCount
    edges { cursor node { score snippet article { title language } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const paragraph = (text: string) => [{ type: 'PARAGRAPH' as const, text }];

describe('search', () => {
  let server: TestServer;
  const titles = (data: any) => data.search.edges.map((e: any) => e.node.article.title);

  beforeAll(async () => {
    server = await startTestServer({ seedDemo: true, perLanguage: 15 });
    await createArticles(server.app, [
      articleDraft({ language: 'fr', title: "Côte d'Ivoire : la présidentielle approche", body: paragraph("Les électeurs ivoiriens se préparent à l'élection présidentielle."), canonicalUrl: 'https://example.org/civ' }),
      articleDraft({ language: 'ha', title: 'Ƙasar Najeriya ta ɗauki sabon mataki', body: paragraph('Gwamnatin ƙasar ta sanar da sabuwar doka kan ɗalibai.') }),
      articleDraft({ language: 'am', title: 'የኢትዮጵያ ብሔራዊ ምርጫ ቦርድ መግለጫ', body: paragraph('ቦርዱ፡ስለ ምርጫው ዝግጅት መግለጫ ሰጠ።') }),
      articleDraft({ title: 'Rasimu ya siri kuhusu twiga', status: ArticleStatus.DRAFT, body: paragraph('Twiga ni mnyama mrefu sana.') }),
      articleDraft({ title: 'Bunge la Kenya lajadili bajeti ya twiga', body: paragraph('Wabunge walijadili bajeti ya uhifadhi wa twiga na tembo.'), canonicalUrl: 'https://example.org/twiga' }),
    ]);
  });
  afterAll(() => server.close());

  it('finds the seed article by its words, with a highlighted snippet', async () => {
    const { data, errors } = await server.query(SEARCH, { q: 'Kalin Hamas Ankara', language: 'sw' });
    expect(errors).toBeUndefined();
    expect(titles(data)[0]).toBe('Hamas ina matumaini juu ya kusitisha mapigano, Israeli inahujumu - Kalin');
    const hit = data.search.edges[0].node;
    expect(hit.score).toBeGreaterThan(0);
    expect(hit.snippet).toMatch(/<mark>Ankara<\/mark>/);
    expect(data.search.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('matches the last word as a prefix, and folds diacritics and hooked letters', async () => {
    expect(titles((await server.query(SEARCH, { q: 'Kalin mazung' })).data)).toContain('Hamas ina matumaini juu ya kusitisha mapigano, Israeli inahujumu - Kalin');
    expect(titles((await server.query(SEARCH, { q: 'cote ivoire presidentielle' })).data)).toEqual(["Côte d'Ivoire : la présidentielle approche"]);
    expect(titles((await server.query(SEARCH, { q: 'Côte présidentielle' })).data)).toEqual(["Côte d'Ivoire : la présidentielle approche"]);
    expect(titles((await server.query(SEARCH, { q: 'kasar najeriya sabon', language: 'ha' })).data)[0]).toBe('Ƙasar Najeriya ta ɗauki sabon mataki');
  });

  it('searches Amharic in Ge\'ez script, split at the Ethiopic wordspace', async () => {
    expect(titles((await server.query(SEARCH, { q: 'ምርጫ ቦርድ', language: 'am' })).data)).toContain('የኢትዮጵያ ብሔራዊ ምርጫ ቦርድ መግለጫ');
    expect(titles((await server.query(SEARCH, { q: 'ቦርዱ', language: 'am' })).data)).toContain('የኢትዮጵያ ብሔራዊ ምርጫ ቦርድ መግለጫ');
  });

  it('never finds unpublished articles, and filters by language', async () => {
    expect(titles((await server.query(SEARCH, { q: 'twiga' })).data)).toEqual(['Bunge la Kenya lajadili bajeti ya twiga']);
    expect((await server.query(SEARCH, { q: 'twiga', language: 'en' })).data.search.totalCount).toBe(0);
    await createArticles(server.app, [articleDraft({ title: 'Bunge la Kenya lajadili bajeti ya twiga', body: paragraph('Wabunge walijadili bajeti ya uhifadhi wa twiga na tembo.'), canonicalUrl: 'https://example.org/twiga', status: ArticleStatus.ARCHIVED })]);
    expect((await server.query(SEARCH, { q: 'twiga' })).data.search.totalCount).toBe(0);
  });

  it.each([
    '"Kalin', 'Kalin*', 'title:Kalin', 'Kalin^2', '(Kalin OR Hamas)', 'Kalin NEAR Hamas', 'Kalin AND NOT Hamas', '-', 'Kalin -Hamas',
    "O'Brien", 'a\\b', '&|!():*', '"""', 'NEAR(', 'title : body', '🙂 Kalin', 'x'.repeat(150),
  ])('treats %j as plain words: results or a clear error, never a SQL error', async (q) => {
    const { data, errors } = await server.query(SEARCH, { q });
    if (errors) {
      expect(errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(errors[0].extensions.reason).toBe('NO_SEARCHABLE_TERMS');
    } else {
      expect(Array.isArray(data.search.edges)).toBe(true);
    }
  });

  it('searches query syntax words literally', async () => {
    const { data } = await server.query(SEARCH, { q: '(Kalin) "Hamas"* ^Ankara:' });
    expect(titles(data)).toContain('Hamas ina matumaini juu ya kusitisha mapigano, Israeli inahujumu - Kalin');
    // AND is a word like any other: no Swahili article contains it.
    expect((await server.query(SEARCH, { q: 'Kalin AND Hamas', language: 'sw' })).data.search.totalCount).toBe(0);
  });

  it.each([
    ['', 'EMPTY_QUERY', 'empty'],
    ['   ', 'EMPTY_QUERY', 'empty'],
    ['neno '.repeat(50), 'QUERY_TOO_LONG', 'at most 200'],
    ['?!.,', 'NO_SEARCHABLE_TERMS', 'no words'],
  ])('rejects %j with %s', async (q, reason, message) => {
    const { errors } = await server.query(SEARCH, { q });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(errors?.[0].message).toContain(message);
  });

  it('pages through results with cursors and limits the page size', async () => {
    const all = await server.query(SEARCH, { q: 'na', language: 'sw', first: 50 });
    const total = all.data.search.totalCount;
    expect(total).toBeGreaterThan(4);
    const first = await server.query(SEARCH, { q: 'na', language: 'sw', first: 2 });
    const second = await server.query(SEARCH, { q: 'na', language: 'sw', first: 2, after: first.data.search.pageInfo.endCursor });
    expect([...titles(first.data), ...titles(second.data)]).toEqual(titles(all.data).slice(0, 4));
    const tooMany = await server.query(SEARCH, { q: 'na', first: 51 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_TOO_LARGE' });
    const badCursor = await server.query(SEARCH, { q: 'na', after: 'zzz' });
    expect(badCursor.errors?.[0].extensions).toMatchObject({ reason: 'INVALID_CURSOR' });
    const badLanguage = await server.query(SEARCH, { q: 'na', language: 'xx' });
    expect(badLanguage.errors?.[0].extensions).toMatchObject({ reason: 'UNKNOWN_LANGUAGE' });
  });
});
