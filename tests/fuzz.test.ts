import fc from 'fast-check';
import { startTestServer, type TestServer } from './helpers/test-server';

/**
 * Property-based fuzzing of the running server (fast-check): whatever arrives,
 * the answer is never a 5xx or an INTERNAL_SERVER_ERROR, the process does not
 * crash, no unsafe URL is stored and memory stays bounded.
 * FUZZ_RUNS (default 2,000 in all) sets the total; FUZZ_RUNS=10000 is the full run.
 */
const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const runs = (share: number) => ({ numRuns: Math.max(10, Math.round(TOTAL_RUNS * share)) });
const TIMEOUT = Math.max(120_000, TOTAL_RUNS * 60);

let server: TestServer;
let editorKey: string;
let rssBefore = 0;
let cases = 0;
beforeAll(async () => {
  server = await startTestServer({ seedDemo: true, perLanguage: 3, env: { RATE_LIMIT_PER_MINUTE: '0' } });
  editorKey = await server.createKey('editor');
  rssBefore = process.memoryUsage().rss;
});
afterAll(async () => {
  console.log(`fuzz: ${cases} cases, RSS ${Math.round(rssBefore / 2 ** 20)} -> ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
  await server.close();
});

async function send(body: string | Uint8Array, contentType: string | null, extraHeaders: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  cases += 1;
  const headers: Record<string, string> = { ...extraHeaders };
  if (contentType !== null) headers['content-type'] = contentType;
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: body as RequestInit['body'] });
  return { status: response.status, text: await response.text() };
}

const gql = (query: string, variables?: Record<string, unknown>) => send(JSON.stringify({ query, variables }), 'application/json');
const asEditor = (query: string, variables?: Record<string, unknown>) =>
  send(JSON.stringify({ query, variables }), 'application/json', { authorization: `Bearer ${editorKey}` });

/** Never a 5xx, never an internal error. */
function assertHandled(result: { status: number; text: string }): void {
  if (result.status >= 500 || result.text.includes('INTERNAL_SERVER_ERROR')) {
    throw new Error(`unhandled: ${result.status} ${result.text.slice(0, 500)}`);
  }
}

const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.cookie)',
  ' javascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/x',
  "'; DROP TABLE articles; --",
  '\u0000',
  '\ud800',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '{{7*7}}',
  '${7*7}',
];
const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));

/** Every metacharacter of FTS5 and tsquery, and words that are operators there. */
const FTS_PIECES = ['"', "'", '*', ':', '^', '(', ')', '-', '+', '{', '}', '[', ']', '&', '|', '!', '<', '>', '<->', '~', '\\', '%', '_', ',', '.', 'NEAR', 'NEAR(', 'AND', 'OR', 'NOT', 'and', 'or', 'not', 'habari', 'ƙasa', 'ሰላም', ' ', '  ', '\t', '\n', '\u0000', 'title:', 'body:', '@@', '::', "''", '""', '0', '-1'];
const ftsText = fc.array(fc.constantFrom(...FTS_PIECES), { minLength: 0, maxLength: 12 }).map((parts) => parts.join(''));

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/graphql',
  'application/graphql-response+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/xml',
  '',
  'json',
  '*/*',
];
const contentType = fc.oneof(fc.constantFrom(...CONTENT_TYPES), fc.constant(null), fc.string({ maxLength: 40 }));

const DOCUMENT_PIECES = ['{', '}', '(', ')', '[', ']', ':', '...', '@include(if: true)', '@skip(if: $v)', '$v', 'query', 'mutation', 'subscription', 'fragment F on Query', '...F', 'on', 'articles', 'article', 'first: 5', 'first: -1', 'first: 999999999999', 'edges', 'node', 'title', 'related', 'body', 'text', '__typename', '__schema', 'types', 'fields', 'name', '"x"', '"""block"""', '1', '1.5e999', 'null', 'true', '#', '\n', ',', '=', '!', 'Int', '$v: Int', 'a:', '\\u0000', '"\\ud800"'];
const document = fc.oneof(fc.array(fc.constantFrom(...DOCUMENT_PIECES), { maxLength: 40 }).map((parts) => parts.join(' ')), fc.string());

describe('fuzz: the HTTP layer', () => {
  it('malformed bodies under every content type', async () => {
    const body = fc.oneof(fc.string(), fc.json(), fc.uint8Array({ maxLength: 300 }), fc.jsonValue().map((v) => JSON.stringify(v)), document.map((q) => JSON.stringify({ query: q })));
    await fc.assert(
      fc.asyncProperty(body, contentType, fc.boolean(), async (payload, type, preflight) => {
        assertHandled(await send(payload, type, preflight ? { 'apollo-require-preflight': '1' } : {}));
      }),
      runs(0.25),
    );
  }, TIMEOUT);

  it('malformed and odd GraphQL documents, with odd variables', async () => {
    const variables = fc.oneof(fc.constant(undefined), fc.dictionary(fc.constantFrom('v', 'n', 'q', 'f'), fc.jsonValue()));
    await fc.assert(
      fc.asyncProperty(document, variables, async (query, vars) => {
        assertHandled(await gql(query, vars as Record<string, unknown> | undefined));
      }),
      runs(0.2),
    );
  }, TIMEOUT);
});

describe('fuzz: public queries', () => {
  it('every FTS metacharacter in `search`, with and without a language', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(ftsText, hostileString), fc.constantFrom(null, 'sw', 'en', 'am', 'xx'), async (text, language) => {
        const result = await gql('query($q: String!, $l: String) { search(query: $q, language: $l, first: 5) { totalCount edges { node { snippet article { title } } } } }', { q: text, l: language });
        assertHandled(result);
        // Snippets are HTML: whatever was searched, no raw tag comes back.
        const snippets: string[] = (JSON.parse(result.text).data?.search?.edges ?? []).map((e: any) => e.node.snippet);
        for (const snippet of snippets) expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      }),
      runs(0.2),
    );
  }, TIMEOUT);

  /** Each public string argument, with the query that takes it. */
  const STRING_ARGUMENTS: Array<[string, string]> = [
    ['article slug', 'query($s: String) { article(slug: $s, language: "sw") { title } }'],
    ['article language', 'query($s: String) { article(slug: "x", language: $s) { title } }'],
    ['article id', 'query($s: ID) { article(id: $s) { title } }'],
    ['node id', 'query($s: ID!) { node(id: $s) { id } }'],
    ['articles filter', 'query($s: String) { articles(first: 2, filter: { language: $s, categorySlug: $s, sourceSlug: $s, tag: $s }) { totalCount } }'],
    ['articles cursor', 'query($s: String) { articles(first: 2, after: $s) { totalCount } }'],
    ['articles backward cursor', 'query($s: String) { articles(last: 2, before: $s) { totalCount } }'],
    ['categories language', 'query($s: String) { categories(language: $s) { slug } }'],
    ['category slug', 'query($s: String!) { category(slug: $s, language: $s) { name } }'],
    ['source slug', 'query($s: String!) { source(slug: $s) { name articles(first: 1, language: $s) { totalCount } } }'],
    ['date locale and time zone', 'query($s: String) { articles(first: 2) { edges { node { publishedAtText(locale: $s, timeZone: $s) } } } }'],
    ['search cursor', 'query($s: String) { search(query: "habari", after: $s) { totalCount } }'],
  ];

  it.each(STRING_ARGUMENTS)('hostile strings in %s', async (_, query) => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (value) => assertHandled(await gql(query, { s: value }))),
      runs(0.015),
    );
  }, TIMEOUT);
});

/**
 * Mutations and their inputs: one row per mutation, each with arbitraries for
 * its variables, sent with an editor key; add a row for every new mutation
 * (the editorial mutations have their own fuzz in editorial.fuzz.test.ts).
 */
const hostileUrl = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.webUrl(), fc.constantFrom('https://example.org/<script>', 'http://[::1]/', 'https://exa mple.org', 'mailto:x@example.org', 'ftp://example.org/x'));
const MUTATIONS: Array<{ name: string; query: string; variables: fc.Arbitrary<Record<string, unknown>> }> = [
  {
    name: 'importArticle (page text)',
    query: 'mutation($t: String!, $l: String, $u: String) { importArticle(text: $t, language: $l, urlBase: $u, publish: true) { created failed failures { reason } } }',
    variables: fc.record({
      t: fc.tuple(hostileString, hostileString, hostileUrl).map(([title, body, url]) => `${title}\n\n${body} ${body}\n\n${url}\n\nPicha: ${url}`),
      l: fc.constantFrom(null, 'sw', 'en', 'xx'),
      u: fc.oneof(fc.constant(null), hostileUrl),
    }),
  },
  {
    name: 'importArticle (TSV)',
    query: 'mutation($t: String!, $u: String) { importArticle(text: $t, format: TSV, language: "sw", urlBase: $u, publish: true) { created failed failures { reason } } }',
    variables: fc.record({
      t: fc.tuple(hostileString, hostileString, hostileUrl, hostileString).map(([title, body, url, category]) => `category\theadline\ttext\turl\n${category}\t${title} habari\t${body} habari za leo\t${url}\n`),
      u: fc.oneof(fc.constant(null), hostileUrl),
    }),
  },
  {
    name: 'setReadMoreLinks',
    query: 'mutation($a: ID!, $links: [ReadMoreLinkInput!]!) { setReadMoreLinks(articleId: $a, links: $links) { id } }',
    variables: fc.record({
      a: fc.oneof(fc.constant('QXJ0aWNsZTox'), hostileString),
      links: fc.array(fc.record({ url: fc.oneof(fc.constant(null), hostileUrl), title: fc.oneof(fc.constant(null), hostileString), articleId: fc.oneof(fc.constant(null), fc.constant('QXJ0aWNsZToy'), hostileString) }), { maxLength: 12 }),
    }),
  },
];

describe('fuzz: mutations (editor inputs)', () => {
  it.each(MUTATIONS.map((m) => [m.name, m] as const))('%s', async (_, mutation) => {
    await fc.assert(
      fc.asyncProperty(mutation.variables, async (variables) => assertHandled(await asEditor(mutation.query, variables))),
      runs(0.05),
    );
  }, TIMEOUT);

  it('no unsafe URL was stored, and memory stayed bounded', async () => {
    const stored: Array<{ url: string }> = await server.app.dataSource.query(
      `SELECT canonical_url AS url FROM articles WHERE canonical_url IS NOT NULL
       UNION ALL SELECT url FROM images WHERE url IS NOT NULL
       UNION ALL SELECT url FROM sources WHERE url IS NOT NULL
       UNION ALL SELECT url FROM article_links WHERE url IS NOT NULL`,
    );
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter(({ url }) => !/^https?:\/\/[^\s<>"]+$/i.test(url))).toEqual([]);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 2 ** 20);
    expect(cases).toBeGreaterThanOrEqual(TOTAL_RUNS * 0.9);
  });
});
