import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig, parseDatabaseUrl } from '../../src/config';
import { openCore, type Core } from '../../src/composition-root';
import type { LanguageCode } from '../../src/languages/language.catalogue';
import { tsvRecords } from '../../src/importing/tsv.records';
import { DEMO_FILES } from '../../src/seeding/demo.catalogue';
import { CORPUS_DIR } from '../../src/seeding/demo.seed';
import { contentTerms } from '../../src/text/text.content-terms';
import { tokenize } from '../../src/text/text.tokenize';
import { readCorpusRows, syntheticRows, writeTsv } from '../import/synthetic-tsv';

/**
 * bench/search:
 * 1. Quality: every corpus article is searched for by 3 distinctive words of
 *    its headline (rarest in its language, not stop words); the share found
 *    in the top 3, per language (target >= 95%).
 * 2. Latency at 100,000 articles (SQLite): p50/p99 of 1,000 searches through
 *    the service, against a baseline in the same run: the primary-key lookup
 *    of one article, so the numbers compare across machines.
 */
const TOTAL = Number(process.env.BENCH_ARTICLES ?? 100_000);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-search-bench-'));
  try {
    await quality(dir);
    await latency(dir);
  } finally {
    if (process.env.BENCH_KEEP) console.log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function open(file: string): Promise<Core> {
  return openCore({ ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '0' }), database: parseDatabaseUrl(`sqlite:${file}`) });
}

async function importFile(core: Core, file: string, language: LanguageCode): Promise<void> {
  const summary = await core.services.importer.run(
    tsvRecords(file, fs.createReadStream(file), { language, publish: true, urlBase: 'https://www.bbc.com', publishedAt: () => new Date(Date.UTC(2024, 0, 1)) }),
    { chunkSize: 1000 },
  );
  if (summary.failed) throw new Error(`${file}: ${summary.failed} failed: ${JSON.stringify(summary.failures.slice(0, 3))}`);
}

async function quality(dir: string): Promise<void> {
  const core = await open(path.join(dir, 'quality.sqlite'));
  console.log('bench/search quality: 3 rarest headline words -> article in top 3');
  let hitsAll = 0;
  let totalAll = 0;
  for (const demo of DEMO_FILES) {
    const file = path.join(CORPUS_DIR, demo.file);
    await importFile(core, file, demo.language);
    const rows = await readCorpusRows(file);
    const df = new Map<string, number>();
    for (const row of rows) for (const term of new Set(tokenize(`${row.headline} ${row.text}`, demo.language))) df.set(term, (df.get(term) ?? 0) + 1);
    let hits = 0;
    for (const row of rows) {
      const words = [...new Set(contentTerms(tokenize(row.headline, demo.language), demo.language))]
        .sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0) || (a < b ? -1 : 1))
        .slice(0, 3);
      if (!words.length) continue;
      const result = await core.services.search.search(words.join(' '), demo.language, {}, 3, null);
      if (result.edges.some((edge) => edge.node.article.title === row.headline)) hits += 1;
    }
    hitsAll += hits;
    totalAll += rows.length;
    console.log(`  ${demo.language}: ${hits}/${rows.length} = ${((100 * hits) / rows.length).toFixed(1)}%`);
  }
  console.log(`  all: ${((100 * hitsAll) / totalAll).toFixed(1)}% (target >= 95%)`);
  await core.close();
}

async function latency(dir: string): Promise<void> {
  const core = await open(path.join(dir, 'latency.sqlite'));
  const perLanguage = Math.ceil(TOTAL / DEMO_FILES.length);
  const started = performance.now();
  const headlines: Array<{ language: LanguageCode; headline: string }> = [];
  for (const demo of DEMO_FILES) {
    const rows = await readCorpusRows(path.join(CORPUS_DIR, demo.file));
    for (const row of rows) headlines.push({ language: demo.language, headline: row.headline });
    const file = path.join(dir, `${demo.language}.tsv`);
    await writeTsv(file, syntheticRows(rows, perLanguage));
    await importFile(core, file, demo.language);
  }
  const count = await core.services.articles.countAll();
  console.log(`bench/search latency: ${count} articles imported in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const queries = Array.from({ length: 1000 }, () => {
    const { language, headline } = headlines[Math.floor(random() * headlines.length)];
    const words = contentTerms(tokenize(headline, language), language);
    const start = Math.floor(random() * Math.max(1, words.length - 2));
    return { language, query: words.slice(start, start + 2 + Math.floor(random() * 2)).join(' ') || headline };
  });
  const ids = Array.from({ length: 1000 }, () => 1 + Math.floor(random() * count));

  const time = async (run: (i: number) => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < 1000; i += 1) {
      const t = performance.now();
      await run(i);
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    return { p50: samples[500], p99: samples[990] };
  };
  await time((i) => core.services.search.search(queries[i].query, queries[i].language, {}, 10, null)); // warm
  const baseline = await time((i) => core.services.articles.findOne({ id: ids[i] }));
  const search = await time((i) => core.services.search.search(queries[i].query, queries[i].language, {}, 10, null));
  const searchAny = await time((i) => core.services.search.search(queries[i].query, null, {}, 10, null));
  const fmt = (x: { p50: number; p99: number }) => `p50 ${x.p50.toFixed(2)} ms, p99 ${x.p99.toFixed(2)} ms`;
  console.log(`  baseline (article by id): ${fmt(baseline)}`);
  console.log(`  search, language given, first 10: ${fmt(search)} (p99 = ${(search.p99 / baseline.p99).toFixed(1)}x baseline)`);
  console.log(`  search, all languages, first 10: ${fmt(searchAny)}`);
  await core.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
