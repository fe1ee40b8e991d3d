import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runSql } from '../src/db/sql';
import { drainRelatedQueue } from '../src/related/related.indexer';
import { runCli } from './helpers/cli';
import { startTestServer, type TestServer } from './helpers/test-server';

/** Real Swahili BBC articles: even rows are the categorized archive, odd rows arrive without a category. */
const rows: Array<{ category: string; headline: string; text: string }> = parse(fs.readFileSync(path.join(__dirname, '..', 'corpus', 'masakhanews-swa-dev.tsv'), 'utf8'), {
  delimiter: '\t',
  columns: true,
  quote: '"',
  skip_empty_lines: true,
});
const archive = rows.filter((_, index) => index % 2 === 0);
const arriving = rows.filter((_, index) => index % 2 === 1).slice(0, 30);

const field = (value: string) => (/[\t"\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const tsv = (items: typeof rows, withCategory: boolean) =>
  [withCategory ? 'category\theadline\ttext' : 'headline\ttext', ...items.map((row) => [...(withCategory ? [row.category] : []), row.headline, row.text].map(field).join('\t'))].join('\n') + '\n';

const IMPORT = `mutation($text: String!) { importArticle(text: $text, format: TSV, language: "sw", publish: true) { created failed articles { id title } } }`;
const SUGGESTED = `query($id: ID!) { node(id: $id) { ... on Article { category { name } suggestedCategories(first: 3) { category { name language } confidence } } } }`;
const RELATED = `query($id: ID!) { node(id: $id) { ... on Article { related(first: 5) { article { title } reasons { signal weight topic } } } } }`;

describe('topics learned from the categorized archive', () => {
  let server: TestServer;
  let editorKey: string;
  const asEditor = (query: string, variables?: Record<string, unknown>) => server.query(query, variables, editorKey);
  let arrived: Array<{ id: string; title: string }>;
  let archived: Array<{ id: string; title: string }>;
  const truth = new Map(rows.map((row) => [row.headline.trim(), row.category]));
  const categoryOf = (title: string) => truth.get(title.trim());

  beforeAll(async () => {
    server = await startTestServer();
    editorKey = await server.createKey('editor');
    const first = await asEditor(IMPORT, { text: tsv(archive, true) });
    expect(first.data.importArticle.failed).toBe(0);
    archived = first.data.importArticle.articles;
    await drainRelatedQueue(server.app);
  }, 120_000);
  afterAll(() => server.close());

  /** The SQL of the statements run from now on (the app's statement counter sees every one). */
  const recordStatements = (target: TestServer = server) => {
    const seen: string[] = [];
    const counter = target.app.statements;
    const count = counter.logQuery.bind(counter);
    counter.logQuery = (query, parameters, runner) => (seen.push(query), count(query, parameters, runner));
    return seen;
  };
  const LABELLED_COUNT = /SELECT a\.language, COUNT\(\*\) AS n FROM articles a JOIN related_index/;
  const models = () => runSql<{ language: string; version: number; examples: number }>(server.app.dataSource, 'SELECT language, version, examples FROM topic_models');

  it('trains a model per language from the categorized articles, and only retrains when the archive changed enough', async () => {
    const trained = await server.app.services.topics.retrainStale();
    // Categories with fewer than 5 archive articles (entertainment here) are not learned.
    const perCategory = new Map<string, number>();
    for (const row of archive) perCategory.set(row.category, (perCategory.get(row.category) ?? 0) + 1);
    const learned = [...perCategory.values()].filter((n) => n >= 5);
    const examples = learned.reduce((sum, n) => sum + n, 0);
    expect(trained).toEqual([{ language: 'sw', topics: learned.length, examples, ms: expect.any(Number) }]);
    // Nothing written or indexed since: the check does not count the labelled archive again (a read
    // of every article's index entry), only looks at the outbox's last id, the queue and the models.
    const seen = recordStatements();
    expect(await server.app.services.topics.retrainStale()).toEqual([]);
    expect(seen.some((sql) => LABELLED_COUNT.test(sql))).toBe(false);
    expect(seen.length).toBeGreaterThan(0);
    expect((await models()).map((row) => ({ ...row, version: Number(row.version), examples: Number(row.examples) }))).toEqual([{ language: 'sw', version: 1, examples }]);
  });

  it('reuses the stored counts in a process that starts with nothing moved since (a restart), and counts once something did', async () => {
    const restarted = await startTestServer({ database: server.app.config.database });
    try {
      const seen = recordStatements(restarted);
      expect(await restarted.app.services.topics.retrainStale()).toEqual([]);
      expect(seen.some((sql) => LABELLED_COUNT.test(sql))).toBe(false);
      // An article written through the other instance moves the marker: this one counts again.
      const written = await asEditor(IMPORT, { text: tsv(archive.slice(0, 1).map((row) => ({ ...row, headline: `${row.headline} (sasisho)`, text: `${row.text} Sasisho: habari hii imesasishwa.` })), true) });
      expect(written.data.importArticle.created).toBe(1);
      expect(await restarted.app.services.topics.retrainStale()).toEqual([]);
      expect(seen.some((sql) => LABELLED_COUNT.test(sql))).toBe(true);
    } finally {
      await restarted.close();
    }
  });

  it('ranks new articles before the indexer reaches them with SAME_TOPIC, naming the topic', async () => {
    const imported = await asEditor(IMPORT, { text: tsv(arriving, false) });
    expect(imported.data.importArticle).toMatchObject({ created: arriving.length, failed: 0 });
    arrived = imported.data.importArticle.articles;
    const { data } = await asEditor(RELATED, { id: arrived[0].id });
    const topicReasons = data.node.related.flatMap((item: any) => item.reasons.filter((reason: any) => reason.signal === 'SAME_TOPIC'));
    expect(topicReasons.length).toBeGreaterThan(0);
    for (const reason of topicReasons) expect(new Set(rows.map((row) => row.category))).toContain(reason.topic.toLowerCase());
  });

  it('suggests categories for articles without one, most likely first, mostly right', async () => {
    await drainRelatedQueue(server.app);
    let right = 0;
    for (const article of arrived) {
      const { data, errors } = await asEditor(SUGGESTED, { id: article.id });
      expect(errors).toBeUndefined();
      const suggestions = data.node.suggestedCategories;
      expect(data.node.category).toBeNull();
      expect(suggestions).toHaveLength(3);
      const confidences = suggestions.map((item: any) => item.confidence);
      expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
      expect(confidences.reduce((sum: number, value: number) => sum + value, 0)).toBeLessThanOrEqual(1 + 1e-9);
      expect(suggestions[0].category.language).toBe('sw');
      if (suggestions[0].category.name.toLowerCase() === categoryOf(article.title)) right += 1;
    }
    // Seven categories: a guess is right about one time in seven.
    expect(right / arrived.length).toBeGreaterThan(0.5);
    // Nothing was assigned.
    const [row] = await runSql<{ n: number }>(server.app.dataSource, 'SELECT COUNT(*) AS n FROM articles WHERE category_id IS NULL');
    expect(Number(row.n)).toBe(arriving.length);
  });

  it('lists precomputed related articles of new articles mostly on their topic', async () => {
    let right = 0;
    let shown = 0;
    for (const article of arrived) {
      const { data } = await asEditor(RELATED, { id: article.id });
      for (const item of data.node.related) {
        shown += 1;
        if (categoryOf(item.article.title) === categoryOf(article.title)) right += 1;
      }
    }
    expect(shown).toBe(5 * arrived.length);
    expect(right / shown).toBeGreaterThan(0.55);
  });

  it('suggests nothing for an article that has a category', async () => {
    const { data } = await asEditor(SUGGESTED, { id: archived[0].id });
    expect(data.node.category).not.toBeNull();
    expect(data.node.suggestedCategories).toEqual([]);
  });

  it('refuses a bad `first`, and editors only', async () => {
    const bad = await asEditor(`query($id: ID!) { node(id: $id) { ... on Article { suggestedCategories(first: 11) { confidence } } } }`, { id: arrived[0].id });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'COUNT_OUT_OF_RANGE', argument: 'first', max: 10 });
    // Without a key the field is refused; the rest of the article still reads.
    const refused = await server.query(SUGGESTED, { id: arrived[0].id });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MISSING_KEY' });
  });

  it('retrains in the background when the categorized archive grows, and queues uncategorized lists to rank again', async () => {
    const more = rows.filter((_, index) => index % 2 === 1).slice(arriving.length, arriving.length + 20);
    await asEditor(IMPORT, { text: tsv(more, true) });
    await drainRelatedQueue(server.app);
    const seen = recordStatements();
    const trained = await server.app.services.topics.retrainStale();
    expect(seen.some((sql) => LABELLED_COUNT.test(sql))).toBe(true);
    expect(trained.map(({ language }) => language)).toEqual(['sw']);
    expect(Number((await models())[0].version)).toBe(2);
    const [queued] = await runSql<{ n: number }>(server.app.dataSource, 'SELECT COUNT(*) AS n FROM related_queue');
    expect(Number(queued.n)).toBe(arriving.length);
    expect((await drainRelatedQueue(server.app)).processed).toBe(arriving.length);
  });

  it('habari import --suggest-categories reports suggestions and assigns nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-topics-'));
    const file = path.join(dir, 'new.tsv');
    const fresh = rows.filter((_, index) => index % 2 === 1).slice(arriving.length + 20, arriving.length + 25);
    fs.writeFileSync(file, tsv(fresh, false));
    try {
      const result = await runCli(['import', file, '--language', 'sw', '--publish', '--suggest-categories'], server.app.config.database.url);
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
      const lines = result.stdout.split('\n').filter((line) => line.startsWith('suggested categories for #'));
      expect(lines).toHaveLength(fresh.length);
      for (const line of lines) expect(line).toMatch(/\[sw\] .+: [^,]+ \d\.\d\d, [^,]+ \d\.\d\d, [^,]+ \d\.\d\d$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
