import fs from 'node:fs';
import path from 'node:path';
import { startTestServer, type TestServer } from './helpers/test-server';
import { ARTICLE_FIELDS, SEED_ARTICLE, SEED_FILE } from './helpers/seed-article';

const IMPORT = `mutation Import($text: String!, $format: ImportFormat, $language: String, $publish: Boolean) {
  importArticle(text: $text, format: $format, language: $language, publish: $publish) {
    created updated unchanged failed failures { line reason } notes { line message } articles { ${ARTICLE_FIELDS} version }
  }
}`;

const seedText = fs.readFileSync(SEED_FILE, 'utf8');
const tsv = (...rows: string[][]) => ['category\theadline\ttext\turl', ...rows.map((row) => row.join('\t'))].join('\n') + '\n';

describe('importArticle mutation', () => {
  let server: TestServer;
  const count = async (table = 'articles') => Number((await server.app.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    server = await startTestServer();
    const key = await server.createKey('editor', 'import-desk');
    const anonymous = server.query;
    server = { ...server, query: (query, variables) => anonymous(query, variables, key) };
    anonymousQuery = anonymous;
  });
  afterAll(() => server.close());
  let anonymousQuery: TestServer['query'];

  it('is refused without a key, and writes nothing', async () => {
    const { data, errors } = await anonymousQuery(IMPORT, { text: seedText, publish: true });
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MISSING_KEY' });
    expect(errors?.[0].message).toContain('Authorization: Bearer');
    expect(await count()).toBe(0);
  });

  it('imports the seed page exactly as GraphQL then serves it, and again as unchanged', async () => {
    const first = await server.query(IMPORT, { text: seedText, publish: true });
    expect(first.errors).toBeUndefined();
    const result = first.data.importArticle;
    expect(result).toMatchObject({ created: 1, updated: 0, unchanged: 0, failed: 0, failures: [], notes: [] });
    expect(result.articles).toHaveLength(1);
    const { id, version, ...imported } = result.articles[0];
    expect(imported).toEqual(SEED_ARTICLE);
    expect(version).toBe(1);

    const served = await server.query(`query($id: ID!) { article(id: $id) { ${ARTICLE_FIELDS} } }`, { id });
    expect(served.data.article).toEqual({ id, ...SEED_ARTICLE });

    const again = await server.query(IMPORT, { text: seedText, publish: true });
    expect(again.data.importArticle).toMatchObject({ created: 0, updated: 0, unchanged: 1, failed: 0 });
    expect(again.data.importArticle.articles[0]).toMatchObject({ id, version: 1 });
    expect(await count()).toBe(1);
    expect(await count('images')).toBe(1);
  });

  it('returns what it decided alone: the language from the text, a relative date not used', async () => {
    const page = fs.readFileSync(path.join(__dirname, 'fixtures', 'pages', 'ha-trt-afrika.txt'), 'utf8').replace('Minti 3 karatu', '').replace('MAJIYA: TRT Afrika', '');
    const { data, errors } = await server.query(IMPORT, { text: page });
    expect(errors).toBeUndefined();
    expect(data.importArticle).toMatchObject({ created: 1, failed: 0 });
    expect(data.importArticle.articles[0]).toMatchObject({ language: 'ha', publishedAt: null });
    expect(data.importArticle.notes).toEqual([
      { line: 1, message: 'line 7: "awa 9 da suka wuce" is relative to when the page was read, not a calendar date; publishedAt left empty' },
    ]);
    const bare = page.replace('awa 9 da suka wuce', '').replace(/^Karanta kuma.*$/m, '').replace(/^Ku samu.*$/m, '');
    const second = await server.query(IMPORT, { text: bare.replace('Tinubu ya gana', 'Tinubu ya sake ganawa') });
    expect(second.data.importArticle.articles[0]).toMatchObject({ language: 'ha' });
    expect(second.data.importArticle.notes).toContainEqual({ line: 1, message: expect.stringMatching(/^language ha \(Hausa\) identified from the text/) });
  });

  it('imports a TSV document: good rows are written, a bad row is a failure with its line', async () => {
    const text = tsv(
      ['politics', 'Bunge lapitisha bajeti mpya', '"Wabunge walipiga kura jana.\nBajeti itaanza mwezi ujao."', 'https://www.bbc.com/swahili/test-1'],
      ['sports', '', 'Hakuna kichwa cha habari.', 'https://www.bbc.com/swahili/test-2'],
      ['health', 'Chanjo mpya yazinduliwa', 'Wizara ya afya imezindua chanjo.', 'https://www.bbc.com/swahili/test-3'],
    );
    const before = await count();
    const { data, errors } = await server.query(IMPORT, { text, format: 'TSV', language: 'sw', publish: false });
    expect(errors).toBeUndefined();
    const result = data.importArticle;
    expect(result).toMatchObject({ created: 2, updated: 0, unchanged: 0, failed: 1, failures: [{ line: 4, reason: 'empty headline' }] });
    expect(result.articles.map((a: any) => [a.title, a.status, a.canonicalUrl, a.category.name, a.body.length])).toEqual([
      ['Bunge lapitisha bajeti mpya', 'DRAFT', 'https://www.bbc.com/swahili/test-1', 'Politics', 2],
      ['Chanjo mpya yazinduliwa', 'DRAFT', 'https://www.bbc.com/swahili/test-3', 'Health', 1],
    ]);
    expect(await count()).toBe(before + 2);
  });

  it('resolves relative TSV urls against urlBase, and says how when it is missing', async () => {
    const MUTATION = `mutation($text: String!, $urlBase: String) {
      importArticle(text: $text, format: TSV, language: "en", publish: true, urlBase: $urlBase) { created failed failures { line reason } articles { canonicalUrl } }
    }`;
    const text = tsv(['sports', 'Kipchoge wins again', 'Eliud Kipchoge won the marathon in Berlin.', '/sport/kipchoge-berlin']);
    const without = await server.query(MUTATION, { text });
    expect(without.data.importArticle).toMatchObject({ created: 0, failed: 1 });
    expect(without.data.importArticle.failures[0]).toEqual({
      line: 2,
      reason: 'url "/sport/kipchoge-berlin" is relative: pass the site it belongs to with the urlBase argument (e.g. urlBase: "https://www.bbc.com")',
    });
    const withBase = await server.query(MUTATION, { text, urlBase: 'https://www.bbc.com' });
    expect(withBase.data.importArticle).toMatchObject({ created: 1, failed: 0, articles: [{ canonicalUrl: 'https://www.bbc.com/sport/kipchoge-berlin' }] });
    const bad = await server.query(MUTATION, { text, urlBase: 'www.bbc.com' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(bad.errors?.[0].message).toContain('urlBase');
  });

  it('keys a TSV without url by content: the same text again changes nothing', async () => {
    const text = 'headline\ttext\nMvua kubwa yanyesha Dar\tMvua imenyesha usiku kucha.\n';
    const first = await server.query(IMPORT, { text, format: 'TSV', language: 'sw' });
    expect(first.data.importArticle).toMatchObject({ created: 1, failed: 0 });
    const again = await server.query(IMPORT, { text, format: 'TSV', language: 'sw' });
    expect(again.data.importArticle).toMatchObject({ created: 0, updated: 0, unchanged: 1, failed: 0 });
    expect(again.data.importArticle.articles[0].id).toBe(first.data.importArticle.articles[0].id);
    expect(first.data.importArticle.articles[0].canonicalUrl).toBeNull();
  });

  it('reports text that is not an article as a failure and writes nothing', async () => {
    const before = await count();
    const { data, errors } = await server.query(IMPORT, { text: 'UTURUKI\n2 DK KUSOMA\n13 Septemba 2024\n', language: 'sw' });
    expect(errors).toBeUndefined();
    expect(data.importArticle).toMatchObject({ created: 0, failed: 1, articles: [] });
    expect(data.importArticle.failures[0].reason).toMatch(/^no title/);
    const empty = await server.query(IMPORT, { text: '   ' });
    expect(empty.data.importArticle.failures).toEqual([{ line: 1, reason: expect.stringContaining('the text is empty') }]);
    expect(await count()).toBe(before);
  });

  it.each([
    [{ text: seedText, language: 'xx' }, 'UNKNOWN_LANGUAGE', '"xx" is not a language'],
    [{ text: tsv(['politics', 'a', 'b', '']), format: 'TSV' }, 'INVALID_ARGUMENT', '`language` is required for TSV'],
    [{ text: 'x'.repeat(5 * 1024 * 1024 + 1) }, 'INVALID_ARGUMENT', 'send at most 5 MB'],
  ])('answers BAD_USER_INPUT for bad arguments (%#)', async (variables, reason, message) => {
    const before = await count();
    const { data, errors } = await server.query(IMPORT, variables);
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(errors?.[0].message).toContain(message);
    expect(await count()).toBe(before);
  });
});
