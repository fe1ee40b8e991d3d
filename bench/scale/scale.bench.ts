import 'reflect-metadata';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildApp } from '../../src/app';
import { loadConfig, parseDatabaseUrl, type Config } from '../../src/config';
import { openCore } from '../../src/composition-root';
import { refreshPlannerStatistics } from '../../src/db/planner-statistics';
import { runSql } from '../../src/db/sql';
import { toGlobalId } from '../../src/graphql/global-id';
import { decodeCursor, encodeCursor } from '../../src/pagination/cursor';
import { CORPUS_DIR } from '../../src/seeding/demo.seed';
import { loadBaseArticles } from '../../src/synth/synth.corpus';
import { SYNTH_DEFAULTS, seededRandom } from '../../src/synth/synth.drafts';
import { SynthService } from '../../src/synth/synth.service';
import { measureFanOut } from '../subscriptions/fan-out';

/**
 * bench/scale: a BENCH_ARTICLES (100,000) article archive made by `habari
 * synth`'s service, on SQLite (or PostgreSQL: BENCH_DATABASE_URL, a database
 * this bench may fill). Prints: synth and related-index build rates with peak
 * RSS, database size, start-up time, idle and loaded RSS, and p50/p99 of the
 * public reads over HTTP and of a subscription fan-out, next to a hand-written better-sqlite3 + node:http
 * handler running the same SQL where one exists (SQLite only).
 *
 *   npm run build && BENCH_ARTICLES=100000 node --expose-gc dist/bench/scale/scale.bench.js
 *
 * On PostgreSQL, a database that already holds BENCH_ARTICLES articles is
 * measured as it is (a second run reads without the build in its heap).
 *
 * BENCH_ARCHIVE names a SQLite archive already made by `habari synth
 * --articles BENCH_ARTICLES` (seed 42) and `habari reindex`: it is copied and
 * measured from start-up on, so one archive built once serves several runs
 * (at 1,000,000 articles the build takes longer than the reads).
 */
const TOTAL = Number(process.env.BENCH_ARTICLES ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const WARMUP = 20;
const FAN_OUT_SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 500);
const ARCHIVE = process.env.BENCH_ARCHIVE;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-scale-bench-'));
  const file = path.join(dir, 'scale.sqlite');
  const url = process.env.BENCH_DATABASE_URL ?? `sqlite:${file}`;
  const config: Config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '0', SEED_DEMO: 'false' }), database: parseDatabaseUrl(url) };
  const sqlite = !process.env.BENCH_DATABASE_URL;
  if (ARCHIVE && !sqlite) throw new Error('BENCH_ARCHIVE is a SQLite file; it cannot be used with BENCH_DATABASE_URL');
  console.log(`bench/scale: ${TOTAL} articles, ${sqlite ? 'SQLite' : 'PostgreSQL'}${ARCHIVE ? `, archive ${ARCHIVE} (built beforehand)` : ''}`);
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const sampler = setInterval(sample, 200);
  try {
    if (ARCHIVE) fs.copyFileSync(ARCHIVE, file);
    else if (!sqlite && (await articleCount(config)) >= TOTAL) console.log('reusing the archive already in BENCH_DATABASE_URL (run again in a fresh process: the build leaves its garbage in this heap)');
    else await buildArchive(config, sample, () => (peak = 0), () => peak);
    clearInterval(sampler);
    console.log(`database size: ${mb(sqlite ? dirSize(dir) : await pgSize(config))} MB`);

    const started = performance.now();
    const app = await buildApp(config, { relatedIndexPollMs: 0 });
    const base = await app.listen(0, '127.0.0.1');
    console.log(`start-up (open, migrate check, listen): ${(performance.now() - started).toFixed(0)} ms`);
    (globalThis as { gc?: () => void }).gc?.();
    console.log(`idle RSS: ${mb(process.memoryUsage().rss)} MB`);
    try {
      await measureReads(app, base, sqlite ? file : null);
      (globalThis as { gc?: () => void }).gc?.();
      console.log(`loaded RSS (after the reads): ${mb(process.memoryUsage().rss)} MB`);
    } finally {
      await app.close();
    }
  } finally {
    clearInterval(sampler);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Synthesizes TOTAL articles and builds the related index, printing rates and peak RSS. */
async function buildArchive(config: Config, sample: () => void, resetPeak: () => void, peak: () => number): Promise<void> {
  const core = await openCore(config);
  try {
    const synth = await new SynthService(core.repositories.writes, core.services.writer).generate(loadBaseArticles(CORPUS_DIR), TOTAL, SYNTH_DEFAULTS, (n) => {
      sample();
      if (n % 50_000 === 0) console.log(`  synth ${n}`);
    });
    console.log(`synth: ${TOTAL} articles in ${(synth.elapsedMs / 1000).toFixed(1)} s: ${synth.articlesPerSecond} articles/s, peak RSS ${mb(peak())} MB`);
    resetPeak();
    const drain = await core.services.relatedIndexer.drain({ batchSize: 1_000, onProfiled: sample, onBatch: sample });
    // As habari synth and habari reindex do: PostgreSQL plans from fresh statistics.
    await refreshPlannerStatistics(core.dataSource);
    console.log(
      `related index: ${TOTAL} articles (${drain.processed - TOTAL} neighbour updates) in ${(drain.elapsedMs / 1000).toFixed(1)} s: ` +
        `${rate(TOTAL, drain.elapsedMs)} articles/s, peak RSS ${mb(peak())} MB (sampled between transactions)`,
    );
  } finally {
    await core.close();
  }
}

async function measureReads(app: Awaited<ReturnType<typeof buildApp>>, base: string, sqliteFile: string | null): Promise<void> {
  const random = seededRandom(7);
  const rows = await runSql<{ id: number; slug: string; language: string; title: string; category_slug: string; category_language: string }>(
    app.dataSource,
    `SELECT a.id, a.slug, a.language, a.title, c.slug AS category_slug, c.language AS category_language
     FROM articles a JOIN categories c ON c.id = a.category_id WHERE a.id IN (${Array.from({ length: SAMPLES + WARMUP }, () => 1 + Math.floor(random() * TOTAL)).join(', ')})`,
  );
  const pick = (i: number) => rows[i % rows.length];
  const post = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const first = await post('{ articles(first: 20) { pageInfo { endCursor } } }', {});
  const order = JSON.parse(Buffer.from(first.articles.pageInfo.endCursor, 'base64url').toString())[0] as string;
  const [deep] = await runSql<{ id: number; published_at: number }>(
    app.dataSource,
    `SELECT id, published_at FROM articles WHERE status = 'PUBLISHED' ORDER BY published_at DESC, id DESC LIMIT 1 OFFSET ${Math.floor(TOTAL * 0.9)}`,
  );
  const deepCursor = encodeCursor({ order, value: Number(deep.published_at), id: Number(deep.id) });
  if (!decodeCursor(deepCursor, order)) throw new Error('deep cursor did not decode');

  const list = `query($after: String) { articles(first: 20, after: $after) { edges { node { id title slug language standfirst publishedAt readingTimeMinutes category { name slug } source { name } leadImage { url caption credit } } } } }`;
  const cases: Array<[string, (i: number) => Promise<unknown>]> = [
    ['article by slug', (i) => post('query($s: String!, $l: String!) { article(slug: $s, language: $l) { id title standfirst body { type text } category { name } source { name } } }', { s: pick(i).slug, l: pick(i).language })],
    ['20-article list, first page', () => post(list, {})],
    ['20-article list, 90% deep', () => post(list, { after: deepCursor })],
    ['category page (20)', (i) => post('query($s: String!, $l: String!) { category(slug: $s, language: $l) { name articles(first: 20) { edges { node { id title slug publishedAt } } } } }', { s: pick(i).category_slug, l: pick(i).category_language })],
    ['related(first: 5)', (i) => post('query($id: ID!) { article(id: $id) { related(first: 5) { score article { title url } } } }', { id: toGlobalId('Article', pick(i).id) })],
    ['readMore(first: 5)', (i) => post('query($id: ID!) { article(id: $id) { readMore(first: 5) { kind title url } } }', { id: toGlobalId('Article', pick(i).id) })],
    ['search with language', (i) => post('query($q: String!, $l: String) { search(query: $q, language: $l, first: 10) { edges { node { score article { title } } } } }', { q: words(pick(i).title), l: pick(i).language })],
    ['search, no language', (i) => post('query($q: String!) { search(query: $q, first: 10) { edges { node { score article { title } } } } }', { q: words(pick(i).title) })],
  ];
  const baselines = sqliteFile ? await handWritten(sqliteFile, pick) : null;
  for (const [name, run] of cases) {
    const times = await timeSamples(run);
    const baseline = baselines?.get(name);
    const baselineTimes = baseline ? await timeSamples(baseline) : null;
    console.log(
      `${name.padEnd(28)} p50 ${p(times, 0.5)} ms, p99 ${p(times, 0.99)} ms` +
        (baselineTimes ? `   hand-written: p50 ${p(baselineTimes, 0.5)} ms, p99 ${p(baselineTimes, 0.99)} ms` : ''),
    );
  }
  // Last: it publishes a few articles of its own into the archive.
  const fanOut = await measureFanOut(app, base, { subscribers: FAN_OUT_SUBSCRIBERS, events: 20 });
  console.log(
    `${'subscription fan-out'.padEnd(28)} p50 ${p(fanOut.latencies, 0.5)} ms, p99 ${p(fanOut.latencies, 0.99)} ms   (${FAN_OUT_SUBSCRIBERS} WebSocket subscribers, 20 events, publish to delivery)`,
  );
}

/** Hand-written better-sqlite3 + node:http handlers running the same SQL as Habari for two reads. */
async function handWritten(file: string, pick: (i: number) => { slug: string; language: string }): Promise<Map<string, (i: number) => Promise<unknown>>> {
  const db = new Database(file, { readonly: true });
  const bySlug = db.prepare(
    `SELECT a.id, a.title, a.standfirst, a.body, c.name AS category, s.name AS source FROM articles a
     LEFT JOIN categories c ON c.id = a.category_id LEFT JOIN sources s ON s.id = a.source_id
     WHERE a.language = ? AND a.slug = ? AND a.status = 'PUBLISHED'`,
  );
  const list = db.prepare(
    `SELECT a.id, a.title, a.slug, a.language, a.standfirst, a.published_at, a.reading_time_minutes, c.name AS category, c.slug AS category_slug, s.name AS source
     FROM articles a LEFT JOIN categories c ON c.id = a.category_id LEFT JOIN sources s ON s.id = a.source_id
     WHERE a.status = 'PUBLISHED' ORDER BY a.published_at DESC, a.id DESC LIMIT 21`,
  );
  const server = http.createServer((request, response) => {
    const target = new URL(request.url ?? '/', 'http://x');
    const rows = target.pathname === '/slug' ? bySlug.all(target.searchParams.get('l'), target.searchParams.get('s')) : list.all();
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ data: rows }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const port = (server.address() as { port: number }).port;
  const get = async (pathAndQuery: string) => (await fetch(`http://127.0.0.1:${port}${pathAndQuery}`)).json();
  return new Map([
    ['article by slug', (i: number) => get(`/slug?s=${encodeURIComponent(pick(i).slug)}&l=${pick(i).language}`)],
    ['20-article list, first page', () => get('/list')],
  ]);
}

async function timeSamples(run: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES + WARMUP; i++) {
    const started = performance.now();
    await run(i);
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** Two words of a title: what a reader types. */
function words(title: string): string {
  const found = title.match(/[\p{L}\p{M}]{3,}/gu) ?? ['habari'];
  return found.slice(0, 2).join(' ');
}

const p = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
const rate = (count: number, ms: number) => ((count * 1000) / Math.max(1, ms)).toFixed(0);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

function dirSize(dir: string): number {
  return fs.readdirSync(dir).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
}

/** One number from the database behind `config` (a count, PostgreSQL's size), read through a core opened for it. */
async function queryNumber(config: Config, sql: string): Promise<number> {
  const core = await openCore(config);
  try {
    const [row] = await runSql<{ n: number }>(core.dataSource, sql);
    return Number(row.n);
  } finally {
    await core.close();
  }
}

const articleCount = (config: Config) => queryNumber(config, 'SELECT COUNT(*) AS n FROM articles');
const pgSize = (config: Config) => queryNumber(config, 'SELECT pg_database_size(current_database()) AS n');

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
