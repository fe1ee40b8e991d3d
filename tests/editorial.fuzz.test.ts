import fc from 'fast-check';
import { toGlobalId } from '../src/graphql/global-id';
import { articleDraft, createArticles } from './factories/article.factory';
import { startTestServer, type TestServer } from './helpers/test-server';

/**
 * Property: whatever strings an editor sends to any editorial mutation
 * (script tags, hostile URLs in every disguise, control characters, broken
 * Unicode, random text), the answer is data or a catalogue error, never a
 * 5xx or INTERNAL_SERVER_ERROR, and no URL that is not http(s) is ever stored.
 * FUZZ_RUNS (total across mutations): a few thousand by default, 10000 for a full run.
 */
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 2100);

const SCHEMES = ['javascript:', 'data:', 'file:', 'vbscript:'];
const PREFIXES = ['', ' ', '\t', '\n', '\u0000', '\u0001', '\u001f', '\u00a0', '\ufeff', '\r\n ', '\u200b'];
const PAYLOADS = ['alert(1)', '//example.org/%0aalert(1)', 'text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', '///etc/passwd', 'msgbox(1)', ''];
const ENCODED = [
  'javascript&#58;alert(1)',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
  '&#x6A;avascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'java\tscript:alert(1)',
  'java\u0000script:alert(1)',
  '%6A%61vascript:alert(1)',
  'javascript%3Aalert(1)',
  'https:javascript:alert(1)',
  'http://',
  'https://exa mple.org/',
  '//evil.example/x',
  '\\\\evil\\share',
];
const SCRIPTS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg/onload=alert(1)>', "';alert(1);//", '<a href="javascript:alert(1)">x</a>'];

const mixedCase = (text: string) =>
  fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((flags) => [...text].map((ch, i) => (flags[i] ? ch.toUpperCase() : ch)).join(''));

// Benign values are drawn often enough that whole inputs are sometimes valid: the property must see writes too.
const benignText = fc.constantFrom('Habari njema', 'Simba yashinda ligi', 'Mvua kubwa Dodoma', 'Ligi kuu');
const hostileUrl = fc.oneof(
  { arbitrary: fc.constantFrom('https://example.org/a', 'http://cdn.example.org/b.jpg'), weight: 4 },
  fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...SCHEMES).chain(mixedCase), fc.constantFrom(...PAYLOADS)).map(([p, s, x]) => `${p}${s}${x}`),
  fc.constantFrom(...ENCODED),
  fc.webUrl(),
  fc.tuple(fc.webUrl(), fc.constantFrom(...SCRIPTS)).map(([url, script]) => `${url}?q=${script}`),
  fc.string({ unit: 'binary', maxLength: 80 }),
);
const hostileText = fc.oneof(
  { arbitrary: benignText, weight: 6 },
  fc.constantFrom(...SCRIPTS),
  fc.tuple(fc.string({ maxLength: 40 }), fc.constantFrom(...SCRIPTS, '\u0000', '\ud800', '\udfff', '\u0007', '\u202e')).map(([a, b]) => `${a}${b}`),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  hostileUrl,
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

type Call = { name: string; query: string; variables: Record<string, unknown> };

const imageInput = fc.record({ url: maybe(hostileUrl), caption: maybe(hostileText), credit: maybe(hostileText), alt: maybe(hostileText) }, { requiredKeys: [] });
const articleFields = fc.record(
  {
    title: hostileText,
    standfirst: maybe(hostileText),
    slug: maybe(hostileText),
    canonicalUrl: maybe(hostileUrl),
    tags: maybe(fc.array(hostileText, { maxLength: 3 })),
    categorySlug: maybe(hostileText),
    sourceSlug: maybe(hostileText),
    leadImage: maybe(imageInput),
    inlineImages: maybe(fc.array(imageInput, { maxLength: 2 })),
    body: fc.array(fc.record({ type: fc.constantFrom('PARAGRAPH', 'SUBHEADING', 'QUOTE'), text: hostileText }), { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: ['title', 'body'] },
);

describe('editorial mutations refuse or neutralize hostile strings (fast-check)', () => {
  let server: TestServer;
  let key: string;
  let target: { id: string; version: number };

  beforeAll(async () => {
    // Thousands of requests with one key: the rate limit would answer them (it is tested in http-limits).
    server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
    key = await server.createKey('editor', 'fuzz');
    const [article] = await createArticles(server.app, [articleDraft()]);
    target = { id: toGlobalId('Article', article.article.id), version: 1 };
  });
  afterAll(() => server.close());

  const calls: Record<string, fc.Arbitrary<Call>> = {
    createArticle: articleFields.map((input) => ({
      name: 'createArticle',
      query: 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { canonicalUrl leadImage { url } images { url } title } }',
      variables: { input: { language: 'sw', ...input } },
    })),
    updateArticle: articleFields.map((input) => ({
      name: 'updateArticle',
      query: 'mutation($id: ID!, $version: Int!, $input: UpdateArticleInput!) { updateArticle(id: $id, version: $version, input: $input) { version canonicalUrl leadImage { url } images { url } } }',
      variables: { input },
    })),
    publishArticle: fc.constant({ name: 'publishArticle', query: 'mutation($id: ID!) { publishArticle(id: $id) { status } }', variables: {} }),
    upsertCategory: fc.record({ name: hostileText, slug: maybe(hostileText), language: fc.constantFrom('sw', 'en', 'xx', '<script>') }).map((input) => ({
      name: 'upsertCategory',
      query: 'mutation($input: CategoryInput!) { upsertCategory(input: $input) { slug name } }',
      variables: { input },
    })),
    upsertSource: fc.record({ name: hostileText, slug: maybe(hostileText), url: maybe(hostileUrl) }).map((input) => ({
      name: 'upsertSource',
      query: 'mutation($input: SourceInput!) { upsertSource(input: $input) { slug name } }',
      variables: { input },
    })),
    setReadMoreLinks: fc.array(fc.record({ url: maybe(hostileUrl), title: maybe(hostileText) }), { maxLength: 3 }).map((links) => ({
      name: 'setReadMoreLinks',
      query: 'mutation($id: ID!, $links: [ReadMoreLinkInput!]!) { setReadMoreLinks(articleId: $id, links: $links) { id } }',
      variables: { links },
    })),
    importArticle: fc.tuple(hostileText, hostileText, hostileUrl, fc.constantFrom('RAW', 'TSV')).map(([title, body, url, format]) => ({
      name: 'importArticle',
      query: 'mutation($text: String!, $format: ImportFormat, $urlBase: String) { importArticle(text: $text, format: $format, language: "sw", urlBase: $urlBase) { failed articles { canonicalUrl } } }',
      variables:
        format === 'TSV'
          ? { text: `headline\ttext\turl\n${title.replace(/[\t\n]/g, ' ')}\t${body.replace(/[\t\n]/g, ' ')}\t${url.replace(/[\t\n]/g, ' ')}\n`, format, urlBase: url }
          : { text: `SIASA\n\n${title}\n\n${body}\n`, format },
    })),
  };

  /** One valid call per mutation, run first (fast-check `examples`), so every property sees a write whatever FUZZ_RUNS is. */
  const valid: Record<string, Record<string, unknown>> = {
    createArticle: { input: { language: 'sw', title: 'Habari njema', body: [{ type: 'PARAGRAPH', text: 'Aya.' }], leadImage: { url: 'https://example.org/a.jpg' } } },
    updateArticle: { input: { title: 'Habari njema', canonicalUrl: 'https://example.org/canonical' } },
    publishArticle: {},
    upsertCategory: { input: { name: 'Habari njema', language: 'sw' } },
    upsertSource: { input: { name: 'Habari njema', url: 'https://example.org' } },
    setReadMoreLinks: { links: [{ url: 'https://example.org/b', title: 'B' }] },
    importArticle: { text: 'SIASA\n\nHabari njema kabisa\n\nAya ya habari.\n', format: 'RAW' },
  };

  const storedUrls = async (): Promise<string[]> => {
    const ds = server.app.dataSource;
    const rows: Array<{ url: string | null }> = [
      ...(await ds.query('SELECT canonical_url AS url FROM articles')),
      ...(await ds.query('SELECT url FROM images')),
      ...(await ds.query('SELECT url FROM sources')),
      ...(await ds.query('SELECT url FROM article_links')),
    ];
    return rows.flatMap((row) => (row.url == null ? [] : [row.url]));
  };
  const isSafe = (url: string) => {
    if (!/^https?:\/\/[^\s]+$/i.test(url) || /[\u0000-\u001f\u007f-\u009f]/.test(url)) return false;
    const protocol = new URL(url).protocol;
    return protocol === 'http:' || protocol === 'https:';
  };

  it.each(Object.keys(calls))('%s: never a 5xx, never an unsafe URL stored', async (name) => {
    let outcomes = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(calls[name], async (call) => {
        const variables = { ...call.variables, id: target.id, version: target.version };
        const response = await server.query(call.query, variables, key);
        expect(response.status).toBeLessThan(500);
        for (const error of response.errors ?? []) {
          expect(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND']).toContain(error.extensions?.code);
        }
        const payload = response.data?.[call.name];
        if (payload) {
          outcomes.ok += 1;
          if (call.name === 'updateArticle') target.version = payload.version;
          for (const url of JSON.stringify(payload).match(/"(?:url|canonicalUrl)":"((?:[^"\\]|\\.)*)"/g) ?? []) {
            expect(isSafe(JSON.parse(`{${url}}`)[url.startsWith('"url"') ? 'url' : 'canonicalUrl'])).toBe(true);
          }
        } else {
          outcomes.refused += 1;
          const conflict = response.errors?.find((e) => e.extensions?.reason === 'STALE_VERSION');
          if (conflict) target.version = conflict.extensions.currentVersion;
        }
      }),
      { numRuns: Math.max(20, Math.ceil(FUZZ_RUNS / Object.keys(calls).length)), examples: [[{ ...fc.sample(calls[name], 1)[0], variables: valid[name] }]] },
    );
    const unsafe = (await storedUrls()).filter((url) => !isSafe(url));
    expect(unsafe).toEqual([]);
    // Both kinds of answer occurred, so the property looked at writes as well as refusals.
    if (name !== 'publishArticle') expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.ok).toBeGreaterThan(0);
    outcomes = { ok: 0, refused: 0 };
    // FUZZ_RUNS decides the length; the default takes about 20 s per mutation on a quiet machine.
  }, 900_000);

  it('stores script tags as inert text: returned verbatim as strings, escaped in search snippets', async () => {
    const title = 'Habari <script>alert(1)</script> ya leo';
    const created = await server.query(
      'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id title } }',
      { input: { language: 'sw', title, publish: true, body: [{ type: 'PARAGRAPH', text: 'Maandishi <img src=x onerror=alert(1)> mengine ya habari.' }] } },
      key,
    );
    expect(created.data.createArticle.title).toBe(title);
    const { data } = await server.query('{ search(query: "habari leo maandishi", language: "sw") { edges { node { snippet } } } }');
    const snippets = data.search.edges.map((e: any) => e.node.snippet).join('\n');
    expect(snippets).not.toMatch(/<script|<img/i);
  });

  it('refuses a TSV row whose url is not http(s), whatever the import path (the write path checks)', async () => {
    const text = 'headline\ttext\turl\nKichwa\tAya ya habari.\tjavascript:alert(1)\nKichwa 2\tAya nyingine.\tdata:text/html,x\n';
    const { data } = await server.query('mutation($text: String!) { importArticle(text: $text, format: TSV, language: "sw") { created failed failures { line reason } } }', { text }, key);
    expect(data.importArticle).toMatchObject({ created: 0, failed: 2 });
    expect(data.importArticle.failures.map((f: any) => f.reason)).toEqual([expect.stringContaining('http(s)'), expect.stringContaining('http(s)')]);
  });
});
