import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDatabaseUrl } from '../src/config';
import { readCorpusRows, writeTsv } from '../bench/import/synthetic-tsv';
import { runCli, summaryOf } from './helpers/cli';
import { ARTICLE_FIELDS, SEED_ARTICLE, SEED_FILE, SEED_SLUG } from './helpers/seed-article';
import { startTestServer } from './helpers/test-server';

const CORPUS = path.resolve(__dirname, '..', 'corpus');
const SWAHILI = path.join(CORPUS, 'masakhanews-swa-dev.tsv');

/** `habari import` as an editor runs it: the built CLI on a fresh SQLite file. */
describe('habari import (CLI)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-cli-'));
  let fileCount = 0;
  const freshDatabase = () => `sqlite:${path.join(dir, `habari-${++fileCount}.sqlite`)}`;
  const query = async <T = any>(databaseUrl: string, text: string, variables?: Record<string, unknown>) => {
    const server = await startTestServer({ database: parseDatabaseUrl(databaseUrl) });
    try {
      const result = await server.query<T>(text, variables);
      expect(result.errors).toBeUndefined();
      return result.data as T;
    } finally {
      await server.close();
    }
  };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('migrates a fresh database, imports page text and TSV, prints the summary and exits 0', async () => {
    const database = freshDatabase();
    const args = ['import', SEED_FILE, SWAHILI, '--language', 'sw', '--source', 'BBC Swahili', '--publish'];
    const result = await runCli(args, database);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Imported 2 file\(s\): 238 created, 0 updated, 0 unchanged, 0 failed in [\d.]+ s \(\d+ articles\/s\)\.\n$/);

    const data = await query(
      database,
      `{ seed: article(slug: "${SEED_SLUG}", language: "sw") { ${ARTICLE_FIELDS} }
         tsv: articles(first: 1, filter: { language: "sw", sourceSlug: "bbc-swahili" }, orderBy: PUBLISHED_AT_ASC) { totalCount edges { node { title canonicalUrl status source { name } } } } }`,
    );
    const { id, ...seed } = data.seed;
    expect(seed).toEqual(SEED_ARTICLE);
    expect(data.tsv.totalCount).toBe(237);
    const [first] = await readCorpusRows(SWAHILI);
    expect(data.tsv.edges[0].node).toEqual({ title: first.headline, canonicalUrl: first.url, status: 'PUBLISHED', source: { name: 'BBC Swahili' } });

    const again = await runCli(args, database);
    expect(again.code).toBe(0);
    expect(summaryOf(again.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 238, failed: 0 });
  });

  it('resolves relative urls against --url-base, and says how when it is missing', async () => {
    const database = freshDatabase();
    const file = path.join(dir, 'english.tsv');
    const rows = (await readCorpusRows(path.join(CORPUS, 'masakhanews-eng-dev.tsv'))).filter((row) => row.url?.startsWith('/')).slice(0, 3);
    await writeTsv(file, rows);

    const without = await runCli(['import', file, '--language', 'en'], database);
    expect(without.code).toBe(1);
    expect(without.stderr).toContain(`${file}:2: url "${rows[0].url}" is relative: pass the site it belongs to with --url-base`);
    expect(summaryOf(without.stdout)).toMatchObject({ created: 0, failed: 3 });

    const withBase = await runCli(['import', file, '--language', 'en', '--url-base', 'https://www.bbc.com', '--publish'], database);
    expect(withBase.code).toBe(0);
    expect(summaryOf(withBase.stdout)).toMatchObject({ created: 3, failed: 0 });
    const data = await query(database, `{ articles(filter: { language: "en" }) { edges { node { canonicalUrl } } } }`);
    expect(data.articles.edges.map((e: any) => e.node.canonicalUrl).sort()).toEqual(rows.map((row) => `https://www.bbc.com${row.url}`).sort());
  });

  it('refuses a TSV without --language with a clear message and exit code 2', async () => {
    const database = freshDatabase();
    const result = await runCli(['import', SWAHILI], database);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${SWAHILI}: TSV files carry no language; pass --language (sw, ha, am, so, fr, en).\n`);
    expect(result.stdout).toBe('');
    expect(fs.existsSync(parseDatabaseUrl(database).url.slice('sqlite:'.length))).toBe(false);
  });

  it('imports the good rows around bad ones, names each bad one, and exits 1; --strict writes nothing', async () => {
    const file = path.join(dir, 'mixed.tsv');
    const good = (await readCorpusRows(SWAHILI)).slice(0, 3);
    fs.writeFileSync(
      file,
      [
        'category\theadline\ttext\turl',
        ...good.slice(0, 2).map((row) => [row.category, row.headline, row.text, row.url].join('\t')),
        'politics\t\tMaandishi bila kichwa.\thttps://www.bbc.com/swahili/bila-kichwa',
        'sports\tSafu moja\tpungufu',
        [good[2].category, good[2].headline, good[2].text, good[2].url].join('\t'),
      ].join('\n'),
    );
    const strictDatabase = freshDatabase();
    const strict = await runCli(['import', file, '--language', 'sw', '--strict'], strictDatabase);
    expect(strict.code).toBe(1);
    expect(summaryOf(strict.stdout)).toMatchObject({ created: 0, failed: 5 });
    expect(strict.stderr).toContain(`${file}: nothing written (--strict)`);
    const none = await query(strictDatabase, `{ sources { name } categories { name } }`);
    expect(none).toEqual({ sources: [], categories: [] });

    const database = freshDatabase();
    const result = await runCli(['import', file, '--language', 'sw', '--publish'], database);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      `${file}:4: empty headline`,
      `${file}:5: expected 4 tab-separated fields (category, headline, text, url), found 3; look for a stray tab or an unbalanced quote`,
      '',
    ]);
    expect(summaryOf(result.stdout)).toMatchObject({ created: 3, updated: 0, unchanged: 0, failed: 2 });
    const data = await query(database, `{ articles(filter: { language: "sw" }) { totalCount } }`);
    expect(data.articles.totalCount).toBe(3);
  });

  it('imports a page in each of the six languages without --language, and prints what it decided', async () => {
    const database = freshDatabase();
    const pages = path.join(__dirname, 'fixtures', 'pages');
    const files = ['sw-trt-afrika.txt', 'ha-trt-afrika.txt', 'fr-trt-afrika.txt', 'en-trt-world.txt', 'am-bbc.txt', 'so-bbc.txt'].map((name) => path.join(pages, name));
    // The Hausa page with every marker stripped: only the built CLI's language identifier can tell.
    const bare = path.join(dir, 'ha-no-markers.txt');
    fs.writeFileSync(
      bare,
      fs
        .readFileSync(files[1], 'utf8')
        .split('\n')
        .filter((line) => !/^(Minti 3|awa 9|Karanta|Ku samu|MAJIYA)/.test(line))
        .join('\n'),
    );
    const result = await runCli(['import', ...files, bare, '--publish'], database);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const notes = result.stdout.split('\n').filter((line) => line.includes(': note: '));
    expect(notes).toEqual([
      `${files[0]}:1: note: line 7: "saa 9 zilizopita" is relative to when the page was read, not a calendar date; publishedAt left empty`,
      `${files[0]}:1: note: published without a printed calendar date: publishedAt is the time of this import`,
      `${files[1]}:1: note: line 7: "awa 9 da suka wuce" is relative to when the page was read, not a calendar date; publishedAt left empty`,
      `${files[1]}:1: note: published without a printed calendar date: publishedAt is the time of this import`,
      `${files[2]}:1: note: line 7: "il y a 9 heures" is relative to when the page was read, not a calendar date; publishedAt taken from line 8`,
      `${files[4]}:1: note: line 2: "ከ9 ሰዓታት በፊት" is relative to when the page was read, not a calendar date; publishedAt left empty`,
      `${files[4]}:1: note: published without a printed calendar date: publishedAt is the time of this import`,
      `${files[5]}:1: note: line 2: "9 saacadood kahor" is relative to when the page was read, not a calendar date; publishedAt left empty`,
      `${files[5]}:1: note: published without a printed calendar date: publishedAt is the time of this import`,
      expect.stringMatching(new RegExp(`^${bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: note: language ha \\(Hausa\\) identified from the text`)),
      `${bare}:1: note: no publication date found; publishedAt left empty`,
      `${bare}:1: note: published without a printed calendar date: publishedAt is the time of this import`,
    ]);
    expect(summaryOf(result.stdout)).toMatchObject({ created: 6, updated: 1, failed: 0 });
    const data = await query(database, `{ articles(first: 20) { edges { node { language } } } }`);
    expect(data.articles.edges.map((e: { node: { language: string } }) => e.node.language).sort()).toEqual(['am', 'en', 'fr', 'ha', 'so', 'sw']);
  });

  it('lets two imports write to one SQLite file at once (each waits for the other, none fails)', async () => {
    const database = freshDatabase();
    const rows = await readCorpusRows(SWAHILI);
    const halves = [rows.slice(0, 120), rows.slice(120)];
    const files = await Promise.all(
      halves.map(async (half, index) => {
        const file = path.join(dir, `half-${index}.tsv`);
        await writeTsv(file, half);
        return file;
      }),
    );
    await runCli(['migrate'], database);
    const results = await Promise.all(files.map((file) => runCli(['import', file, '--language', 'sw', '--chunk-size', '10', '--publish'], database)));
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    expect(results.map((r) => summaryOf(r.stdout).created)).toEqual(halves.map((half) => half.length));
  });
});
