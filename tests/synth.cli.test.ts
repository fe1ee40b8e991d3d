import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../src/composition-root';
import { parseDatabaseUrl } from '../src/config';
import { runSql } from '../src/db/sql';
import { runCli } from './helpers/cli';
import { testConfig } from './helpers/test-database';

/** `habari synth` on a fresh SQLite file, as a benchmark run starts. */
describe('habari synth (CLI)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-synth-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a deterministic archive in every language, searchable and queued for the related index', async () => {
    const database = `sqlite:${path.join(dir, 'synth.sqlite')}`;
    const first = await runCli(['synth', '--articles', '1700', '--seed', '7'], database);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Synthesized 1700 articles in [\d.]+ s \(\d+ articles\/s\): 1700 created, 0 updated, 0 unchanged\./);
    const again = await runCli(['synth', '--articles', '1700', '--seed', '7'], database);
    expect(again.stdout).toContain('0 created, 0 updated, 1700 unchanged');

    const core = await openCore(testConfig(parseDatabaseUrl(database)));
    try {
      const sql = (text: string) => runSql<any>(core.dataSource, text);
      const languages = await sql('SELECT language, COUNT(*) AS n FROM articles GROUP BY language ORDER BY language');
      expect(languages.map((row: any) => row.language)).toEqual(['am', 'en', 'fr', 'ha', 'so', 'sw']);
      // Beyond one pass of the sample (1,573 articles), the rest are renamed "later years".
      expect(Number((await sql("SELECT COUNT(*) AS n FROM articles WHERE title LIKE '%ab' OR title LIKE '%ab %'"))[0].n)).toBeGreaterThan(0);
      const categories = await sql("SELECT COUNT(DISTINCT category_id) AS n FROM articles WHERE language = 'sw'");
      expect(Number(categories[0].n)).toBeGreaterThanOrEqual(5);
      const sources = await sql('SELECT COUNT(DISTINCT source_id) AS n FROM articles');
      expect(Number(sources[0].n)).toBe(8); // six BBC services and two wires
      const years = await sql('SELECT MIN(published_at) AS lo, MAX(published_at) AS hi FROM articles');
      expect((Number(years[0].hi) - Number(years[0].lo)) / 86_400_000 / 365).toBeGreaterThan(9);
      // What an import leaves: every article in the search index, queued for the related index, with its event.
      expect(Number((await sql('SELECT COUNT(*) AS n FROM article_search'))[0].n)).toBe(1700);
      expect(Number((await sql('SELECT COUNT(*) AS n FROM related_queue'))[0].n)).toBe(1700);
      expect(Number((await sql('SELECT COUNT(*) AS n FROM article_events'))[0].n)).toBe(1700);
      const other = await sql("SELECT COUNT(*) AS n FROM articles WHERE canonical_url LIKE 'https://synth.habari.example/%/7/%'");
      expect(Number(other[0].n)).toBe(1700);
    } finally {
      await core.close();
    }
  }, 300_000);

  it('habari reindex then builds the related index language by language, saying where it is and what memory holds', async () => {
    const database = `sqlite:${path.join(dir, 'synth.sqlite')}`;
    const reindexed = await runCli(['reindex'], database);
    expect(reindexed.code).toBe(0);
    expect(reindexed.stdout).toMatch(/Indexed \d+ articles in [\d.]+ s; related lists are up to date\./);
    const languageLines = reindexed.stderr.split('\n').filter((line) => /^related index: (profiling|ranking|ranked) [a-z]{2} /.test(line));
    // Each language is ranked on this thread at this size (below PARALLEL_RANKING_FROM), so they take turns.
    expect(languageLines.map((line) => line.split(' ').slice(2, 4).join(' '))).toEqual(
      ['am', 'en', 'fr', 'ha', 'so', 'sw'].flatMap((language) => [`profiling ${language}`, `ranking ${language}`, `ranked ${language}`]),
    );
    // Each line: elapsed, RSS, this thread's heap and the workers' (the counting workers report from the first page on).
    const memory = /\((\d+) s, (\d+) MB, heap (\d+) MB, workers' heaps (\d+) MB\)$/;
    expect(languageLines.every((line) => memory.test(line))).toBe(true);
    expect(reindexed.stderr.split('\n').some((line) => Number(memory.exec(line)?.[4] ?? 0) > 0)).toBe(true);
    const core = await openCore(testConfig(parseDatabaseUrl(database)));
    try {
      expect(Number((await runSql<any>(core.dataSource, 'SELECT COUNT(*) AS n FROM related_queue'))[0].n)).toBe(0);
    } finally {
      await core.close();
    }
  }, 300_000);

  it('refuses a bad count with exit code 2 and says what to give', async () => {
    const result = await runCli(['synth', '--articles', 'lots'], `sqlite:${path.join(dir, 'bad.sqlite')}`);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--articles is lots: give a whole number from 1 to 10000000.');
  });
});
