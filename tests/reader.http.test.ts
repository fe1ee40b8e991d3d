/**
 * The web reader over plain HTTP: pages carry what the reader's GraphQL
 * operations return (escaped), at the public URLs, with the caching and
 * security headers a slow phone and a strict browser need.
 */
import { gunzipSync } from 'node:zlib';
import { READER_ARTICLE } from '../src/reader/reader.operations';
import { escapeHtml } from '../src/reader/reader.html';
import { articleDraft, createArticles } from './factories/article.factory';
import { SEED_SLUG } from './helpers/seed-article';
import { startTestServer, type TestServer } from './helpers/test-server';

const HTML = { accept: 'text/html,application/xhtml+xml' };

describe('web reader over HTTP', () => {
  let server: TestServer;
  const get = (path: string, headers: Record<string, string> = HTML) => fetch(`${server.url}${path}`, { headers, redirect: 'manual' });

  beforeAll(async () => {
    server = await startTestServer({ seedDemo: true, perLanguage: 6 });
    await createArticles(server.app, [
      articleDraft({
        title: '<script>alert("x")</script> & "quotes"',
        slug: 'hatari',
        standfirst: '</title><img src=x onerror=alert(1)>',
        body: [{ type: 'PARAGRAPH', text: "<b>bold</b> isn't markup" }],
        leadImage: { url: 'http://localhost:4000/media/local.jpg', caption: 'Picha <i>ya</i> ndani', credit: 'Mpiga "picha"' },
      }),
    ]);
  });
  afterAll(() => server.close());

  it('renders the article page from ReaderArticle: every value the operation returns is on the page, escaped', async () => {
    const api = await server.query(READER_ARTICLE, { slug: SEED_SLUG, language: 'sw' });
    const article = api.data.article;
    const response = await get(new URL(article.url).pathname);
    expect(response.status).toBe(200);
    const page = await response.text();
    const values = [
      article.title,
      article.standfirst,
      article.publishedAtText,
      article.readingTime.text,
      article.category.name,
      article.source.name,
      article.leadImage.caption,
      article.leadImage.credit,
      ...article.body.map((block: { text: string }) => block.text),
      ...article.readMore.map((link: { title: string }) => link.title),
      ...article.related.map((related: { article: { title: string } }) => related.article.title),
    ];
    for (const value of values) expect(page).toContain(escapeHtml(value));
    expect(page).toContain(`<link rel="canonical" href="${escapeHtml(article.url)}">`);
  });

  it('escapes everything an article says, and embeds only images on this site', async () => {
    const page = await (await get('/sw/siasa/hatari')).text();
    expect(page).toContain('<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;</h1>');
    expect(page).toContain('&lt;/title&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('<p>&lt;b&gt;bold&lt;/b&gt; isn&#39;t markup</p>');
    expect(page).not.toMatch(/<script>alert|<img src=x|<b>bold/);
    expect(page).toContain('<img src="/media/local.jpg" alt="Picha &lt;i&gt;ya&lt;/i&gt; ndani" loading="lazy" decoding="async">');
  });

  it('sends a strict CSP, caching headers, an ETag that answers 304, and gzip on request', async () => {
    const first = await get('/sw', { ...HTML, 'accept-encoding': 'gzip' });
    expect(first.status).toBe(200);
    const csp = first.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect((await first.text()).startsWith('<!doctype html>')).toBe(true);

    const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      // fetch() decodes gzip itself; node:http shows what was on the wire.
      require('node:http')
        .get(`${server.url}/sw`, { headers: { ...HTML, 'accept-encoding': 'gzip' } }, (res: any) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
    expect(raw.encoding).toBe('gzip');
    expect(gunzipSync(raw.body).toString('utf8').startsWith('<!doctype html>')).toBe(true);

    const again = await get('/sw', { ...HTML, 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const head = await fetch(`${server.url}/sw`, { method: 'HEAD', headers: HTML });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('chooses the language of / from ?lang= or Accept-Language (Swahili by default) and says so in Vary', async () => {
    const hausa = await get('/', { ...HTML, 'accept-language': 'en;q=0.5, ha-NG' });
    expect(await hausa.text()).toContain('<html lang="ha">');
    expect(hausa.headers.get('vary')).toContain('Accept-Language');
    expect(await (await get('/?lang=fr', { ...HTML, 'accept-language': 'ha' })).text()).toContain('<html lang="fr">');
    expect(await (await get('/', { ...HTML, 'accept-language': 'de' })).text()).toContain('<html lang="sw">');
    const fixed = await get('/am');
    expect(fixed.headers.get('vary')).toBe('Accept-Encoding');
  });

  it('redirects another path to an article to its public URL, and answers 404 for unknown pages', async () => {
    const moved = await get(`/sw/michezo/${SEED_SLUG}`);
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(`/sw/uturuki/${SEED_SLUG}`);
    for (const path of ['/sw/uturuki/hakuna', '/sw/hakuna', '/xx', '/sw/a/b/c', '/sw/%E0%A4%A', '/sw/uturuki?after=not-a-cursor']) {
      const response = await get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(await response.text()).toContain('Ukurasa haupatikani');
    }
  });

  it('leaves API clients their JSON 404 and the GraphQL endpoint alone', async () => {
    const api = await get('/nothing', { accept: 'application/json' });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
    const post = await server.query('{ __typename }');
    expect(post.data).toEqual({ __typename: 'Query' });
    expect((await fetch(`${server.url}/`, { method: 'POST' })).status).toBe(404);
  });

  it('serves its stylesheet and scripts from this host with content-hash ETags', async () => {
    const page = await (await get('/sw')).text();
    const assets = [...page.matchAll(/(?:href|src)="(\/_reader\/[^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    expect(assets.map((a) => a.split('?')[0]).sort()).toEqual(['/_reader/graphql-ws.min.js', '/_reader/live.js', '/_reader/reader.css']);
    for (const asset of assets) {
      const response = await get(asset, {});
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBeTruthy();
      expect(response.headers.get('cache-control')).toContain('max-age');
    }
    expect((await get('/_reader/../app.ts', {})).status).toBe(404);
  });

  it('reads through the response cache, and a page shows an edit in the very next request', async () => {
    const editor = await server.createKey('editor');
    const cache = server.app.services.responseCache!;
    const page = async () => (await get('/sw/siasa/hatari')).text();
    await page();
    const hitsBefore = cache.stats.hits;
    expect(await page()).toContain('isn&#39;t markup');
    expect(cache.stats.hits).toBeGreaterThan(hitsBefore);

    const { data } = await server.query('{ article(slug: "hatari", language: "sw") { id version } }');
    const updated = await server.query(
      'mutation($id: ID!, $version: Int!) { updateArticle(id: $id, version: $version, input: { body: [{ type: PARAGRAPH, text: "Habari iliyosahihishwa leo." }] }) { version } }',
      { id: data.article.id, version: data.article.version },
      editor,
    );
    expect(updated.errors).toBeUndefined();
    const after = await page();
    expect(after).toContain('Habari iliyosahihishwa leo.');
    expect(after).not.toContain('isn&#39;t markup');
  });
});
