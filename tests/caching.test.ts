import { createHash, randomBytes } from 'node:crypto';
import { ArticleStatus } from '../src/articles/article.enums';
import { openCore } from '../src/composition-root';
import { articleDraft, createArticles } from './factories/article.factory';
import { testConfig } from './helpers/test-database';
import { startTestServer, type TestServer } from './helpers/test-server';

const LIST = 'query List($language: String) { articles(first: 20, filter: { language: $language }) { totalCount edges { node { id title category { name } source { name } leadImage { url } } } } }';
const ONE = 'query One($id: ID!) { article(id: $id) { title status leadImage { url } } }';
const BY_SLUG = 'query BySlug($slug: String!) { article(slug: $slug, language: "sw") { title } }';
const CATEGORY = 'query Category($slug: String!, $language: String!) { category(slug: $slug, language: $language) { name articles(first: 20) { totalCount edges { node { title } } } } }';
const CATEGORIES = 'query Categories($language: String) { categories(language: $language) { slug } }';

interface Answer {
  status: number;
  headers: Headers;
  body: any;
  hit: boolean;
}

async function get(server: TestServer, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const cache = server.app.services.responseCache!;
  const before = cache.stats.hits;
  const params = new URLSearchParams({ query, variables: JSON.stringify(variables) });
  const response = await fetch(`${server.url}/graphql?${params}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null, hit: cache.stats.hits > before };
}

const canonical = (name: string) => `https://example.org/habari/${name}`;

describe('HTTP caching: policy headers, ETag and 304', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await createArticles(server.app, [articleDraft({ title: 'Habari ya kwanza' })]);
  });
  afterAll(() => server.close());

  it('answers public reads with public Cache-Control and an ETag, then 304 to If-None-Match', async () => {
    const first = await get(server, LIST, { language: 'sw' });
    expect(first.status).toBe(200);
    expect(first.hit).toBe(false);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(first.headers.get('vary')).toBe('accept, authorization');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);

    const statements = server.app.statements.total;
    const second = await get(server, LIST, { language: 'sw' });
    expect(second.hit).toBe(true);
    expect(server.app.statements.total).toBe(statements); // answered without a query
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('etag')).toBe(etag);

    const notModified = await get(server, LIST, { language: 'sw' }, { 'if-none-match': etag! });
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBeNull();
    expect(notModified.headers.get('etag')).toBe(etag);
  });

  it('keys by variables: another language is another entry', async () => {
    await get(server, LIST, { language: 'en' });
    expect((await get(server, LIST, { language: 'en' })).hit).toBe(true);
    expect((await get(server, LIST, { language: 'ha' })).hit).toBe(false);
  });

  it('never caches a request with an Authorization header, and says private, no-store', async () => {
    const query = 'query Private { categories { slug } }';
    const key = await server.createKey('editor');
    const one = await get(server, query, {}, { authorization: `Bearer ${key}` });
    const two = await get(server, query, {}, { authorization: `Bearer ${key}` });
    expect(one.status).toBe(200);
    expect(one.headers.get('cache-control')).toBe('private, no-store');
    expect(one.headers.get('etag')).toBeNull();
    expect(two.hit).toBe(false);
  });

  it('never caches errors or mutations', async () => {
    const bad = 'query Bad { articles(first: 500) { totalCount } }';
    const first = await get(server, bad);
    expect(first.body.errors[0].extensions.reason).toBe('PAGE_SIZE_TOO_LARGE');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect((await get(server, bad)).hit).toBe(false);

    const mutation = `mutation { importArticle(text: "headline\\ttext\\nKichwa\\tMaandishi ya habari.", format: TSV, language: "sw", publish: false) { created } }`;
    const post = () => fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: mutation }) });
    const answer = await post();
    expect(answer.headers.get('cache-control')).toBe('no-store');
    await answer.text();
    const hits = server.app.services.responseCache!.stats.hits;
    await (await post()).text();
    expect(server.app.services.responseCache!.stats.hits).toBe(hits);
  });

  it('a persisted GET (hash only) is served from the entry its document stored', async () => {
    const query = 'query Persisted { categories(language: "sw") { slug name } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
    const register = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, extensions: JSON.parse(extensions) }),
    });
    const registered = (await register.json()) as any;
    expect(registered.data.categories).toEqual([{ slug: 'siasa', name: 'Siasa' }]);
    // The POST stored the answer under the document's hash, so the first hash-only GET is already a hit.
    const cache = server.app.services.responseCache!;
    const before = cache.stats.hits;
    const response = await fetch(`${server.url}/graphql?${new URLSearchParams({ extensions })}`, { headers: { 'apollo-require-preflight': 'true', accept: 'application/json' } });
    expect(await response.json()).toEqual(registered);
    expect(cache.stats.hits).toBe(before + 1);
    expect(response.headers.get('etag')).toMatch(/^"/);
  });

  it('a GET Apollo would refuse as a possible CSRF is refused on a hit too', async () => {
    await get(server, LIST, { language: 'sw' });
    const params = new URLSearchParams({ query: LIST, variables: JSON.stringify({ language: 'sw' }) });
    const response = await fetch(`${server.url}/graphql?${params}`);
    expect(response.status).toBe(400);
  });
});

describe('response cache invalidation (one instance)', () => {
  let server: TestServer;
  let idA: string;
  let idB: string;
  const a = articleDraft({ title: 'Siasa ya leo', canonicalUrl: canonical('a'), category: { name: 'Siasa' } });
  const b = articleDraft({ language: 'en', title: 'Business today', canonicalUrl: canonical('b'), category: { name: 'Business' }, source: { name: 'Reuters' } });

  beforeAll(async () => {
    server = await startTestServer();
    const [ca, cb] = await createArticles(server.app, [a, b]);
    idA = (await server.query(`{ articles(filter: { language: "sw" }) { edges { node { id } } } }`)).data.articles.edges[0].node.id;
    idB = (await server.query(`{ articles(filter: { language: "en" }) { edges { node { id } } } }`)).data.articles.edges[0].node.id;
    expect(ca.article.id).toBeGreaterThan(0);
    expect(cb.article.id).toBeGreaterThan(0);
  });
  afterAll(() => server.close());

  /** Warms every entry, then returns which of them are still cached after `change`. */
  async function survivors(change: () => Promise<unknown>): Promise<Record<string, boolean>> {
    const reads: Record<string, [string, Record<string, unknown>]> = {
      swList: [LIST, { language: 'sw' }],
      enList: [LIST, { language: 'en' }],
      allList: [LIST, {}],
      articleA: [ONE, { id: idA }],
      articleB: [ONE, { id: idB }],
      siasa: [CATEGORY, { slug: 'siasa', language: 'sw' }],
      business: [CATEGORY, { slug: 'business', language: 'en' }],
      swCategories: [CATEGORIES, { language: 'sw' }],
      enCategories: [CATEGORIES, { language: 'en' }],
      missingSlug: [BY_SLUG, { slug: 'habari-mpya-kabisa' }],
    };
    for (const [query, variables] of Object.values(reads)) await get(server, query, variables);
    for (const [query, variables] of Object.values(reads)) expect((await get(server, query, variables)).hit).toBe(true);
    await change();
    const result: Record<string, boolean> = {};
    for (const [name, [query, variables]] of Object.entries(reads)) result[name] = (await get(server, query, variables)).hit;
    return result;
  }

  it('publishing drops the lists it could appear in and the lookups that found nothing; the rest stays', async () => {
    const kept = await survivors(() => createArticles(server.app, [articleDraft({ title: 'Habari mpya kabisa', canonicalUrl: canonical('c'), category: { name: 'Siasa' } })]));
    expect(kept).toEqual({
      swList: false, enList: true, allList: false, articleA: true, articleB: true,
      siasa: false, business: true, swCategories: false, enCategories: true, missingSlug: false,
    });
    // And the next request reads it back.
    expect((await get(server, BY_SLUG, { slug: 'habari-mpya-kabisa' })).body.data.article).toEqual({ title: 'Habari mpya kabisa' });
    const titles = (await get(server, LIST, { language: 'sw' })).body.data.articles.edges.map((e: any) => e.node.title);
    expect(titles).toContain('Habari mpya kabisa');
  });

  it('an update drops its article and the lists of its scope only', async () => {
    const kept = await survivors(() => createArticles(server.app, [{ ...a, title: 'Siasa ya leo, toleo la pili' }]));
    expect(kept).toEqual({
      swList: false, enList: true, allList: false, articleA: false, articleB: true,
      siasa: false, business: true, swCategories: true, enCategories: true, missingSlug: true,
    });
    expect((await get(server, ONE, { id: idA })).body.data.article.title).toBe('Siasa ya leo, toleo la pili');
  });

  it('an image change drops the entries showing that article', async () => {
    const kept = await survivors(() => createArticles(server.app, [{ ...b, leadImage: { url: 'https://example.org/new.jpg', caption: 'New', credit: 'AP' } }]));
    expect(kept).toEqual({
      swList: true, enList: false, allList: false, articleA: true, articleB: false,
      siasa: true, business: false, swCategories: true, enCategories: true, missingSlug: true,
    });
    expect((await get(server, ONE, { id: idB })).body.data.article.leadImage.url).toBe('https://example.org/new.jpg');
  });

  it('moving an article to another category drops the lists it left as well as those it joined', async () => {
    const kept = await survivors(() => createArticles(server.app, [{ ...a, title: 'Siasa ya leo, toleo la pili', category: { name: 'Uchumi' } }]));
    expect(kept).toEqual({
      swList: false, enList: true, allList: false, articleA: false, articleB: true,
      siasa: false, business: true, swCategories: false, enCategories: true, missingSlug: true,
    });
    const siasa = (await get(server, CATEGORY, { slug: 'siasa', language: 'sw' })).body.data.category.articles;
    expect(siasa.edges.map((e: any) => e.node.title)).not.toContain('Siasa ya leo, toleo la pili');
  });

  it('unpublishing drops its article and its lists; the next read no longer shows it', async () => {
    const kept = await survivors(() => createArticles(server.app, [{ ...a, title: 'Siasa ya leo, toleo la pili', category: { name: 'Uchumi' }, status: ArticleStatus.DRAFT }]));
    expect(kept).toEqual({
      swList: false, enList: true, allList: false, articleA: false, articleB: true,
      siasa: true, business: true, swCategories: false, enCategories: true, missingSlug: true,
    });
    expect((await get(server, ONE, { id: idA })).body.data.article).toBeNull();
  });

  it('a write that changes nothing public drops nothing', async () => {
    const kept = await survivors(() => createArticles(server.app, [articleDraft({ title: 'Rasimu tu', status: ArticleStatus.DRAFT })]));
    expect(Object.values(kept).every(Boolean)).toBe(true);
  });
});

describe('response cache invalidation across instances (shared database and Redis)', () => {
  const env = {
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_CHANNEL_PREFIX: `habari-test-${randomBytes(6).toString('hex')}`,
    // Ten minutes: a change seen within seconds came over Redis.
    SUBSCRIPTION_POLL_MS: '600000',
  };
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    first = await startTestServer({ env });
    second = await startTestServer({ env, database: first.app.config.database });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const titlesOn = async (server: TestServer) => (await get(server, LIST, { language: 'sw' })).body.data.articles.edges.map((e: any) => e.node.title);
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 100; i += 1) {
      if (await check()) return true;
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    return false;
  };

  it('publish, update and unpublish on one instance reach the other\'s cache over Redis', async () => {
    const draft = articleDraft({ title: 'Kwanza kwenye mfano wa kwanza', canonicalUrl: canonical('x1') });
    expect(await titlesOn(second)).toEqual([]);
    expect((await get(second, LIST, { language: 'sw' })).hit).toBe(true);

    await createArticles(first.app, [draft]);
    expect(await titlesOn(first)).toEqual(['Kwanza kwenye mfano wa kwanza']);
    expect(await until(async () => (await titlesOn(second)).length === 1)).toBe(true);

    await createArticles(first.app, [{ ...draft, title: 'Toleo la pili' }]);
    expect(await titlesOn(first)).toEqual(['Toleo la pili']);
    expect(await until(async () => (await titlesOn(second))[0] === 'Toleo la pili')).toBe(true);

    await createArticles(first.app, [{ ...draft, title: 'Toleo la pili', status: ArticleStatus.DRAFT }]);
    expect(await titlesOn(first)).toEqual([]);
    expect(await until(async () => (await titlesOn(second)).length === 0)).toBe(true);
  });

  it('a CLI-style writer on the same database invalidates the servers\' caches', async () => {
    await titlesOn(second);
    expect((await get(second, LIST, { language: 'sw' })).hit).toBe(true);
    const cli = await openCore(testConfig(first.app.config.database, env));
    try {
      await createArticles(cli, [articleDraft({ title: 'Kutoka kwa zana ya kuingiza', canonicalUrl: canonical('cli') })]);
    } finally {
      await cli.close();
    }
    expect(await until(async () => (await titlesOn(second)).includes('Kutoka kwa zana ya kuingiza'))).toBe(true);
    expect(await until(async () => (await titlesOn(first)).includes('Kutoka kwa zana ya kuingiza'))).toBe(true);
  });

  it('without Redis, the outbox poll invalidates', async () => {
    const polled = await startTestServer({ database: first.app.config.database, env: { SUBSCRIPTION_POLL_MS: '600000' } });
    try {
      await titlesOn(polled);
      expect((await get(polled, LIST, { language: 'sw' })).hit).toBe(true);
      await createArticles(first.app, [articleDraft({ title: 'Kupitia kura ya maoni', canonicalUrl: canonical('poll') })]);
      expect((await get(polled, LIST, { language: 'sw' })).hit).toBe(true); // not heard yet
      await polled.app.subscriptions.feed.poll();
      const next = await get(polled, LIST, { language: 'sw' });
      expect(next.hit).toBe(false);
      expect(next.body.data.articles.edges.map((e: any) => e.node.title)).toContain('Kupitia kura ya maoni');
    } finally {
      await polled.close();
    }
  });
});
