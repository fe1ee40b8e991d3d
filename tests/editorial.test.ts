import { ArticleStatus } from '../src/articles/article.enums';
import { toGlobalId } from '../src/graphql/global-id';
import { drainRelatedQueue } from '../src/related/related.indexer';
import { articleDraft, createArticles } from './factories/article.factory';
import { articleStamps, tableCounts } from './helpers/db-inspect';
import { startTestServer, type TestServer } from './helpers/test-server';
import { subscribe, waitUntil, wsClient } from './helpers/ws-client';

const FIELDS = `id title slug status version standfirst tags canonicalUrl updatedBy readingTime { minutes }
  category { slug name } source { slug name } body { type text }
  leadImage { url caption credit alt width height } images { url caption credit alt width height }`;
const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateArticleInput!) { updateArticle(id: $id, version: $version, input: $input) { ${FIELDS} } }`;
const PUBLIC = `query($id: ID!) { article(id: $id) { id title status } }`;

describe('editorial mutations', () => {
  let server: TestServer;
  let editor: string;
  let admin: string;
  const asEditor = (query: string, variables: Record<string, unknown> = {}) => server.query(query, variables, editor);
  const asAdmin = (query: string, variables: Record<string, unknown> = {}) => server.query(query, variables, admin);

  beforeAll(async () => {
    server = await startTestServer();
    editor = await server.createKey('editor', 'amina');
    admin = await server.createKey('admin', 'chief');
    const category = await asEditor(`mutation { upsertCategory(input: { language: "sw", name: "Michezo" }) { slug name language } }`);
    expect(category.data.upsertCategory).toEqual({ slug: 'michezo', name: 'Michezo', language: 'sw' });
    const source = await asEditor(`mutation { upsertSource(input: { name: "VOA Swahili", url: "https://www.voaswahili.com" }) { slug name } }`);
    expect(source.data.upsertSource).toEqual({ slug: 'voa-swahili', name: 'VOA Swahili' });
  });
  afterAll(() => server.close());

  const fullInput = {
    language: 'sw',
    title: 'Simba yashinda  ligi',
    standfirst: 'Muhtasari.',
    body: [
      { type: 'PARAGRAPH', text: 'Simba SC imeshinda ligi kuu ya Tanzania msimu huu.' },
      { type: 'QUOTE', text: 'Tumefurahi sana.' },
    ],
    tags: ['Mpira', 'mpira', 'Ligi'],
    canonicalUrl: 'https://www.voaswahili.com/a/simba/1.html',
    categorySlug: 'michezo',
    sourceSlug: 'voa-swahili',
    leadImage: { url: 'https://cdn.example.org/simba.jpg', caption: 'Wachezaji', credit: 'VOA', alt: 'Wachezaji wa Simba wakisherehekea', width: 1200, height: 800 },
    inlineImages: [{ url: 'https://cdn.example.org/kombe.jpg', caption: 'Kombe', credit: null, alt: 'Kombe la ligi', width: 640, height: 480 }],
  };

  it('creates a draft with images, category and source, visible only with a key', async () => {
    const { data, errors } = await asEditor(CREATE, { input: fullInput });
    expect(errors).toBeUndefined();
    const article = data.createArticle;
    expect(article).toMatchObject({
      title: 'Simba yashinda ligi',
      slug: 'simba-yashinda-ligi',
      status: 'DRAFT',
      version: 1,
      tags: ['mpira', 'ligi'],
      updatedBy: 'amina',
      category: { slug: 'michezo', name: 'Michezo' },
      source: { slug: 'voa-swahili', name: 'VOA Swahili' },
      leadImage: fullInput.leadImage,
      images: fullInput.inlineImages,
      body: fullInput.body,
    });
    expect((await server.query(PUBLIC, { id: article.id })).data.article).toBeNull();
    expect((await asEditor(PUBLIC, { id: article.id })).data.article).toEqual({ id: article.id, title: 'Simba yashinda ligi', status: 'DRAFT' });

    const drafts = `{ articles(filter: { status: DRAFT }) { totalCount edges { node { id } } } }`;
    expect((await server.query(drafts)).errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MISSING_KEY' });
    expect((await asEditor(drafts)).data.articles.edges.map((e: any) => e.node.id)).toContain(article.id);
    expect((await server.query(`{ articles { totalCount } }`)).data.articles.totalCount).toBe(0);
    const updatedBy = await server.query(`query($slug: String!) { article(slug: $slug, language: "sw") { updatedBy } }`, { slug: article.slug }, editor);
    expect(updatedBy.data.article.updatedBy).toBe('amina');
  });

  it('refuses a stale version with CONFLICT and the current version, and overwrites nothing', async () => {
    const created = (await asEditor(CREATE, { input: { language: 'sw', title: 'Habari ya toleo', body: [{ type: 'PARAGRAPH', text: 'Aya ya kwanza.' }] } })).data.createArticle;
    const first = await asEditor(UPDATE, { id: created.id, version: 1, input: { standfirst: 'Mpya', tags: ['a'] } });
    expect(first.data.updateArticle).toMatchObject({ version: 2, standfirst: 'Mpya', title: 'Habari ya toleo', tags: ['a'] });

    const before = await articleStamps(server.app.dataSource);
    const stale = await asEditor(UPDATE, { id: created.id, version: 1, input: { title: 'Kichwa cha mtu mwingine' } });
    expect(stale.data).toBeNull();
    expect(stale.errors?.[0].extensions).toEqual({ code: 'CONFLICT', reason: 'STALE_VERSION', currentVersion: 2, requestId: expect.any(String) });
    expect(stale.errors?.[0].message).toContain('send version 2');
    expect(await articleStamps(server.app.dataSource)).toEqual(before);
    expect((await asEditor(PUBLIC, { id: created.id })).data.article.title).toBe('Habari ya toleo');

    const cleared = await asEditor(UPDATE, { id: created.id, version: 2, input: { standfirst: null, slug: 'toleo-jipya' } });
    expect(cleared.data.updateArticle).toMatchObject({ version: 3, standfirst: null, slug: 'toleo-jipya' });
  });

  it('reports every bad field at once, and writes nothing', async () => {
    const before = await tableCounts(server.app.dataSource);
    const { data, errors } = await asEditor(CREATE, {
      input: {
        language: 'xx',
        title: 't'.repeat(501),
        body: [{ type: 'SUBHEADING', text: 'Kichwa tu' }],
        slug: 'Not A Slug!',
        canonicalUrl: 'javascript:alert(1)',
        tags: ['x'.repeat(101)],
        readingTimeMinutes: 0,
        leadImage: { url: 'data:text/html,<script>alert(1)</script>', width: -5 },
        inlineImages: [{ url: ' JaVaScRiPt:alert(1)' }],
      },
    });
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    const fields = errors?.[0].extensions.fields.map((f: any) => f.field).sort();
    expect(fields).toEqual(
      ['body', 'canonicalUrl', 'inlineImages[0].url', 'language', 'leadImage.url', 'leadImage.width', 'readingTimeMinutes', 'slug', 'tags[0]', 'title'].sort(),
    );
    expect(await tableCounts(server.app.dataSource)).toEqual(before);

    const unknownRefs = await asEditor(CREATE, { input: { language: 'sw', title: 'T', body: [{ type: 'PARAGRAPH', text: 'A.' }], categorySlug: 'hakuna', sourceSlug: 'hakuna' } });
    expect(unknownRefs.errors?.[0].extensions.fields).toEqual([
      { field: 'categorySlug', problem: expect.stringContaining('upsertCategory') },
      { field: 'sourceSlug', problem: expect.stringContaining('upsertSource') },
    ]);
  });

  it('publishes, unpublishes and archives through the write path: events, search, history', async () => {
    const created = (await asEditor(CREATE, { input: { language: 'sw', title: 'Mvua kubwa Dodoma', body: [{ type: 'PARAGRAPH', text: 'Mvua kubwa imenyesha mjini Dodoma usiku kucha.' }] } })).data
      .createArticle;
    const client = wsClient(server.url);
    const published = subscribe(client, 'subscription { articlePublished { kind articleId article { title status } } }');
    const unpublished = subscribe(client, 'subscription { articleUnpublished { kind articleId article { status } } }');
    const search = async () => (await server.query(`{ search(query: "Dodoma mvua", language: "sw") { totalCount } }`)).data.search.totalCount;
    try {
      await waitUntil(() => server.app.subscriptions.feed.subscriberCount === 2);
      const pub = await asEditor(`mutation($id: ID!) { publishArticle(id: $id, version: 1) { status version } }`, { id: created.id });
      expect(pub.data.publishArticle).toEqual({ status: 'PUBLISHED', version: 2 });
      expect(await published.waitFor(1)).toEqual([{ articlePublished: { kind: 'PUBLISHED', articleId: created.id, article: { title: 'Mvua kubwa Dodoma', status: 'PUBLISHED' } } }]);
      expect(await search()).toBe(1);
      expect((await server.query(PUBLIC, { id: created.id })).data.article.status).toBe('PUBLISHED');

      const unpub = await asEditor(`mutation($id: ID!) { unpublishArticle(id: $id) { status version } }`, { id: created.id });
      expect(unpub.data.unpublishArticle).toEqual({ status: 'DRAFT', version: 3 });
      expect(await unpublished.waitFor(1)).toEqual([{ articleUnpublished: { kind: 'UNPUBLISHED', articleId: created.id, article: { status: 'DRAFT' } } }]);
      expect(await search()).toBe(0);

      await asEditor(`mutation($id: ID!) { publishArticle(id: $id) { status } }`, { id: created.id });
      const archived = await asEditor(`mutation($id: ID!) { archiveArticle(id: $id, version: 4) { status version } }`, { id: created.id });
      expect(archived.data.archiveArticle).toEqual({ status: 'ARCHIVED', version: 5 });
      await unpublished.waitFor(2);
      expect((await server.query(PUBLIC, { id: created.id })).data.article).toBeNull();
      const archivedList = await asEditor(`{ articles(filter: { status: ARCHIVED }) { edges { node { id } } } }`);
      expect(archivedList.data.articles.edges).toEqual([{ node: { id: created.id } }]);
      const again = await asEditor(`mutation($id: ID!) { archiveArticle(id: $id) { version } }`, { id: created.id });
      expect(again.data.archiveArticle.version).toBe(5);
    } finally {
      published.stop();
      unpublished.stop();
      await client.dispose();
    }

    const HISTORY = `query($id: ID!) { articleHistory(id: $id) { kind version by at } }`;
    expect((await asEditor(HISTORY, { id: created.id })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    const history = (await asAdmin(HISTORY, { id: created.id })).data.articleHistory;
    expect(history.map((h: any) => [h.kind, h.version, h.by])).toEqual([
      ['ARCHIVED', 5, 'amina'],
      ['PUBLISHED', 4, 'amina'],
      ['UNPUBLISHED', 3, 'amina'],
      ['PUBLISHED', 2, 'amina'],
      ['CREATED', 1, 'amina'],
    ]);
  });

  it('deletes for good (admins): takedown event, out of search and read-more, history kept', async () => {
    const [gone, neighbour] = await createArticles(server.app, [
      articleDraft({ title: 'Habari ya kufutwa kuhusu Arusha', category: { name: 'Kanda' } }),
      articleDraft({ title: 'Jirani yake', category: { name: 'Kanda' } }),
    ]);
    await drainRelatedQueue(server.app);
    const id = toGlobalId('Article', gone.article.id);
    const readMore = async () =>
      (await server.query(`query($id: ID!) { article(id: $id) { readMore(first: 5) { article { id } } } }`, { id: toGlobalId('Article', neighbour.article.id) })).data.article.readMore.map(
        (link: any) => link.article?.id,
      );
    expect(await readMore()).toContain(id);
    // Its terms leave the document frequencies with it (the queue hook, in the delete's own transaction).
    const ds = server.app.dataSource;
    const frequencies = async () =>
      new Map<string, number>((await ds.query("SELECT term, df FROM term_stats WHERE language = 'sw'")).map((row: any) => [row.term, Number(row.df)]));
    const docs = async () => Number((await ds.query("SELECT docs FROM language_stats WHERE language = 'sw'"))[0].docs);
    const [counted] = await ds.query(`SELECT terms FROM related_index WHERE article_id = ${gone.article.id}`);
    const goneTerms: string[] = [...new Set<string>(JSON.parse(counted.terms))];
    expect(goneTerms.length).toBeGreaterThan(3);
    const dfBefore = await frequencies();
    const docsBefore = await docs();

    expect((await asEditor(`mutation($id: ID!) { deleteArticle(id: $id) }`, { id })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const client = wsClient(server.url);
    const takedowns = subscribe(client, 'subscription { articleUnpublished { kind articleId article { id } } }');
    try {
      await waitUntil(() => server.app.subscriptions.feed.subscriberCount === 1);
      const deleted = await asAdmin(`mutation($id: ID!) { deleteArticle(id: $id) }`, { id });
      expect(deleted).toMatchObject({ data: { deleteArticle: id } });
      expect(await takedowns.waitFor(1)).toEqual([{ articleUnpublished: { kind: 'UNPUBLISHED', articleId: id, article: null } }]);
    } finally {
      takedowns.stop();
      await client.dispose();
    }
    // The indexer copes with a queued article that no longer exists.
    await drainRelatedQueue(server.app);
    const count = async (sql: string) => Number((await ds.query(sql))[0].n);
    expect(await count(`SELECT count(*) AS n FROM articles WHERE id = ${gone.article.id}`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM images WHERE id = ${gone.article.leadImageId}`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM article_related WHERE related_id = ${gone.article.id} OR article_id = ${gone.article.id}`)).toBe(0);
    expect(await readMore()).not.toContain(id);
    const dfAfter = await frequencies();
    // A term only it held is gone from term_stats (df 0 is no row).
    expect(goneTerms.map((term) => dfAfter.get(term) ?? 0)).toEqual(goneTerms.map((term) => dfBefore.get(term)! - 1));
    expect(goneTerms.some((term) => !dfAfter.has(term))).toBe(true);
    expect(await docs()).toBe(docsBefore - 1);
    expect((await server.query(`{ search(query: "Arusha", language: "sw") { totalCount } }`)).data.search.totalCount).toBe(0);
    expect((await server.query(PUBLIC, { id })).data.article).toBeNull();
    const history = (await asAdmin(`query($id: ID!) { articleHistory(id: $id) { kind by } }`, { id })).data.articleHistory;
    expect(history).toEqual([{ kind: 'DELETED', by: 'chief' }]);
    const missing = await asAdmin(`mutation($id: ID!) { deleteArticle(id: $id) }`, { id });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('stamps importArticle with its key; editors cannot see updatedBy without a key', async () => {
    const text = 'SIASA\n\nBunge lakutana Dodoma leo\n\nWabunge wamekutana kujadili bajeti.\n';
    const imported = await asEditor(`mutation($text: String!) { importArticle(text: $text, language: "sw") { articles { id updatedBy } } }`, { text });
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importArticle.articles[0].updatedBy).toBe('amina');
    const [published] = await createArticles(server.app, [articleDraft()]);
    const anonymous = await server.query(`query($id: ID!) { article(id: $id) { title updatedBy } }`, { id: toGlobalId('Article', published.article.id) });
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MISSING_KEY' });
    expect(published.article.status).toBe(ArticleStatus.PUBLISHED);
  });
});
