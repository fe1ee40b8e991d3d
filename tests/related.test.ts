import { ArticleStatus } from '../src/articles/article.enums';
import { runSql } from '../src/db/sql';
import { toGlobalId } from '../src/graphql/global-id';
import { drainRelatedQueue, RelatedIndexer } from '../src/related/related.indexer';
import { articleDraft, createArticles } from './factories/article.factory';
import { STORIES, storyDraft, storyDrafts, type StoryName } from './factories/related.stories';
import { startTestServer, type TestServer } from './helpers/test-server';

const RELATED = `query($id: ID!, $first: Int) {
  article(id: $id) { id title related(first: $first) { score article { id title language } reasons { signal weight terms tags } } }
}`;

describe('related articles', () => {
  let server: TestServer;
  const ids = new Map<string, number>();
  const storyOf = new Map<number, StoryName>();
  const gid = (title: string) => toGlobalId('Article', ids.get(title)!);
  const related = async (title: string, first?: number) => {
    const { data, errors } = await server.query(RELATED, { id: gid(title), first });
    expect(errors).toBeUndefined();
    return data.article.related as Array<{ score: number; article: { id: string; title: string; language: string }; reasons: any[] }>;
  };
  const sql = (text: string, params: unknown[] = []) => runSql<any>(server.app.dataSource, text, params);
  const wetangula = STORIES.bunge.articles[0].title;
  const simba = STORIES.mpira.articles[0].title;

  beforeAll(async () => {
    server = await startTestServer();
    const drafts = storyDrafts();
    // A syndicated copy of the Wetangula story (same text, another outlet) and the same story in Hausa.
    const copy = storyDraft('bunge', 0, { source: { name: 'Gazeti' }, canonicalUrl: 'https://gazeti.example/wetangula', publishedAt: new Date(Date.UTC(2024, 5, 1, 5)) });
    const hausa = articleDraft({ language: 'ha', title: 'Wetangula ya zama kakakin majalisar Kenya', body: [{ type: 'PARAGRAPH', text: 'Moses Wetangula bunge spika Kenya Marende Wetangula spika bunge.' }], category: { name: 'Siyasa' } });
    const draft = storyDraft('bunge', 1, { title: 'Rasimu kuhusu spika Wetangula na bunge', status: ArticleStatus.DRAFT, canonicalUrl: 'https://habari.example/rasimu' });
    const changes = await createArticles(server.app, [...drafts.map((d) => d.draft), copy, hausa, draft]);
    for (const change of changes) ids.set(change.article.canonicalUrl === copy.canonicalUrl ? 'copy' : change.article.title, change.article.id);
    drafts.forEach(({ story, draft: d }) => storyOf.set(ids.get(d.title)!, story));
    await drainRelatedQueue(server.app);
  });
  afterAll(() => server.close());

  it('lists articles of the same story and language, never itself, a copy or a draft, with the shared terms', async () => {
    const list = await related(wetangula, 10);
    expect(list.length).toBeGreaterThanOrEqual(2);
    const titles = list.map((item) => item.article.title);
    expect(titles.slice(0, 2).sort()).toEqual([STORIES.bunge.articles[1].title, STORIES.bunge.articles[2].title].sort());
    expect(titles).not.toContain(wetangula);
    expect(titles).not.toContain('Rasimu kuhusu spika Wetangula na bunge');
    expect(list.every((item) => item.article.language === 'sw')).toBe(true);
    const shared = list[0].reasons.find((reason) => reason.signal === 'SHARED_TERMS');
    expect(shared.terms).toEqual(expect.arrayContaining(['wetangula']));
    expect(list[0].reasons.map((r: any) => r.signal)).toContain('SAME_CATEGORY');
    expect(list.map((item) => item.score)).toEqual([...list.map((item) => item.score)].sort((a, b) => b - a));
    // The copy's own list leaves out the original too, and nobody else lists both.
    const ofCopy = await server.query(RELATED, { id: gid('copy'), first: 10 });
    expect(ofCopy.data.article.related.map((item: any) => item.article.title)).not.toContain(wetangula);
    const marende = await related(STORIES.bunge.articles[1].title, 10);
    expect(marende.filter((item) => item.article.title === wetangula)).toHaveLength(1);
    expect(marende.map((item) => item.article.id)).not.toContain(gid('copy'));
  });

  it('ranks every story first for its own articles', async () => {
    for (const [story, { articles }] of Object.entries(STORIES)) {
      for (const { title } of articles) {
        const top = (await related(title, 2)).map((item) => storyOf.get(Number(Buffer.from(item.article.id, 'base64url').toString().split(':')[1])));
        expect(top).toEqual([story, story]);
      }
    }
  });

  it('gives the same lists when everything is indexed again', async () => {
    const before = await related(simba, 10);
    const summary = await server.app.services.relatedIndexer.reindexAll();
    expect(summary.processed).toBeGreaterThanOrEqual(11);
    expect(await related(simba, 10)).toEqual(before);
    const [df] = await sql('SELECT df FROM term_stats WHERE language = ? AND term = ?', ['sw', 'wetangula']);
    expect(Number(df.df)).toBe(4); // three stories + the copy; not the draft, not Hausa
  });

  it('gives the same lists when a large backlog is profiled first and ranked second', async () => {
    const ids = [...new Set(storyOf.keys())];
    const lists = async () => [...(await server.app.repositories.related.storedLists(ids))].sort(([a], [b]) => a - b);
    const before = await lists();
    const bulk = new RelatedIndexer(server.app.repositories.related, { bulkBacklog: 1 });
    const profiledSoFar: number[] = [];
    const summary = await bulk.reindexAll({ batchSize: 4, onProfiled: (n) => profiledSoFar.push(n) });
    expect(profiledSoFar.at(-1)).toBe(summary.processed);
    expect(await lists()).toEqual(before);
  });

  it('serves `first` from 0 to 20 and refuses anything else', async () => {
    expect(await related(simba, 0)).toEqual([]);
    expect(await related(simba, 1)).toHaveLength(1);
    expect((await related(simba)).length).toBeLessThanOrEqual(5);
    for (const first of [-1, 21]) {
      const { errors } = await server.query(RELATED, { id: gid(simba), first });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'COUNT_OUT_OF_RANGE', argument: 'first' });
      expect(errors?.[0].message).toContain('0 to 20');
    }
  });

  it('shows a new related article once indexed, and drops it once unpublished', async () => {
    const fresh = storyDraft('mpira', 0, {
      title: 'Simba na Yanga kurudiana katika fainali ya kombe',
      body: [{ type: 'PARAGRAPH', text: 'Simba na Yanga zitakutana tena katika fainali ya kombe baada ya mechi ya watani. Mashabiki wa Simba na Yanga wanasubiri mechi hiyo ya mabao. Kocha wa Yanga amesema mshambuliaji wa Simba hatafunga tena.' }],
      canonicalUrl: 'https://habari.example/mpira/fainali',
      publishedAt: new Date(Date.UTC(2024, 5, 2)),
    });
    const [change] = await createArticles(server.app, [fresh]);
    const queued = await sql('SELECT article_id, cascade_neighbours FROM related_queue');
    expect(queued.map((row: any) => Number(row.article_id))).toEqual([change.article.id]);
    await drainRelatedQueue(server.app);
    expect((await related(simba, 10)).map((item) => item.article.title)).toContain(fresh.title);

    await createArticles(server.app, [{ ...fresh, status: ArticleStatus.DRAFT }]);
    // Unpublished targets are filtered at once, before the indexer runs...
    expect((await related(simba, 10)).map((item) => item.article.title)).not.toContain(fresh.title);
    await drainRelatedQueue(server.app);
    // ...and the indexer then removes it everywhere.
    const rows = await sql('SELECT COUNT(*) AS n FROM article_related WHERE related_id = ? OR article_id = ?', [change.article.id, change.article.id]);
    expect(Number(rows[0].n)).toBe(0);
    const terms = await sql('SELECT COUNT(*) AS n FROM article_terms WHERE article_id = ?', [change.article.id]);
    expect(Number(terms[0].n)).toBe(0);
    expect(Number((await sql('SELECT COUNT(*) AS n FROM related_queue'))[0].n)).toBe(0);
  });

  it('computes the list in memory, without writing, for an article not indexed yet', async () => {
    const [change] = await createArticles(server.app, [
      storyDraft('mvua', 0, { title: 'Mafuriko mapya yakumba mji wa pwani', body: [{ type: 'PARAGRAPH', text: 'Mafuriko mapya ya mvua kubwa yamekumba mji wa pwani. Maelfu ya wakazi wamehama nyumba zao kuepuka maji ya mafuriko. Idara ya hali ya hewa imeonya kuhusu mvua zaidi.' }], canonicalUrl: 'https://habari.example/mvua/mapya' }),
    ]);
    ids.set(change.article.title, change.article.id);
    const writes = server.app.statements.writes;
    const list = await related(change.article.title, 3);
    expect(server.app.statements.writes).toBe(writes);
    expect(list.map((item) => storyOf.get(Number(Buffer.from(item.article.id, 'base64url').toString().split(':')[1])))).toEqual(['mvua', 'mvua', 'mvua']);
    await drainRelatedQueue(server.app);
    expect((await related(change.article.title, 3)).map((item) => item.article.title)).toEqual(list.map((item) => item.article.title));
  });

  it('runs a constant number of statements for a list of articles with their related lists', async () => {
    const query = `query($n: Int) { articles(first: $n, filter: { language: "sw" }) { edges { node { title related(first: 3) { score reasons { signal terms } article { title category { name } } } } } } }`;
    const statementsFor = async (n: number) => {
      const before = server.app.statements.total;
      const { errors, data } = await server.query(query, { n });
      expect(errors).toBeUndefined();
      expect(data.articles.edges).toHaveLength(n);
      expect(data.articles.edges.every((edge: any) => edge.node.related.length > 0)).toBe(true);
      return server.app.statements.total - before;
    };
    const few = await statementsFor(2);
    expect(await statementsFor(10)).toBe(few);
    expect(few).toBeLessThanOrEqual(5);
  });

  it('ranks a list of articles not indexed yet in a constant number of statements', async () => {
    const fresh = Array.from({ length: 10 }, (_, n) =>
      storyDraft(n % 2 ? 'mpira' : 'mvua', n % 3, {
        title: `Habari mpya ${n}: ${n % 2 ? 'Simba na Yanga mechi ya mabao' : 'mvua kubwa na mafuriko pwani'}`,
        canonicalUrl: `https://habari.example/fresh/${n}`,
        publishedAt: new Date(Date.UTC(2030, 0, 1, n)),
      }),
    );
    await createArticles(server.app, fresh);
    const query = `query($n: Int) { articles(first: $n, filter: { language: "sw" }) { edges { node { title related(first: 3) { score article { title } } } } } }`;
    const statementsFor = async (n: number) => {
      const before = server.app.statements.total;
      const { errors, data } = await server.query(query, { n });
      expect(errors).toBeUndefined();
      expect(data.articles.edges.map((edge: any) => edge.node.title)).toEqual(fresh.slice(-n).reverse().map((d) => d.title));
      expect(data.articles.edges.every((edge: any) => edge.node.related.length > 0)).toBe(true);
      return server.app.statements.total - before;
    };
    const few = await statementsFor(2);
    const many = await statementsFor(10);
    // Before batching: about 4 statements more per article. Candidate profiles may come from the cache (one statement less).
    expect(many).toBeLessThanOrEqual(few);
    expect(few).toBeLessThanOrEqual(9);
    await drainRelatedQueue(server.app);
  });

  it("counts the indexer's statements as background work, not as request statements", async () => {
    await createArticles(server.app, [
      storyDraft('mvua', 1, { title: 'Mvua kubwa yanyesha tena pwani', body: [{ type: 'PARAGRAPH', text: 'Mvua kubwa imenyesha tena katika mji wa pwani na kusababisha mafuriko madogo.' }], canonicalUrl: 'https://habari.example/mvua/tena' }),
    ]);
    const { total, background } = server.app.statements;
    const summary = await drainRelatedQueue(server.app);
    expect(summary.processed).toBeGreaterThan(0);
    // BEGIN and COMMIT included: a request's statement count never sees the indexer.
    expect(server.app.statements.total).toBe(total);
    expect(server.app.statements.background).toBeGreaterThan(background + 3);
  });

  it('keeps the index fresh on its own in a running server', async () => {
    const second = await startTestServer({ database: server.app.config.database, build: { relatedIndexPollMs: 20 } });
    try {
      const [change] = await createArticles(second.app, [
        storyDraft('bunge', 2, { title: 'Spika Wetangula aahirisha vikao vya bunge', body: [{ type: 'PARAGRAPH', text: 'Spika wa bunge Moses Wetangula ameahirisha vikao vya bunge la kitaifa. Wabunge watarejea bungeni wiki ijayo kwa mujibu wa spika Wetangula.' }], canonicalUrl: 'https://habari.example/bunge/vikao' }),
      ]);
      const deadline = Date.now() + 5_000;
      let titles: string[] = [];
      while (Date.now() < deadline) {
        const { data } = await second.query(RELATED, { id: gid(wetangula), first: 10 });
        titles = data.article.related.map((item: any) => item.article.title);
        const [queued] = await sql('SELECT COUNT(*) AS n FROM related_queue');
        if (titles.includes(change.article.title) && Number(queued.n) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(titles).toContain(change.article.title);
    } finally {
      await second.close();
    }
  });
});
