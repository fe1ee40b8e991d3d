import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/app';
import type { ArticleDraft } from '../../src/articles/article.draft';
import { ArticleWriteService } from '../../src/articles/article-write.service';
import { loadConfig, parseDatabaseUrl } from '../../src/config';
import { createLoaders } from '../../src/graphql/context';
import { toGlobalId } from '../../src/graphql/global-id';
import { relatedQueueHook } from '../../src/related/related.queue-hook';
import { CORPUS_DIR } from '../../src/seeding/demo.seed';
import { loadBaseArticles, seededRandom, syntheticDrafts } from './related.corpus';

/**
 * bench/related: BENCH_ARTICLES (100,000) published articles on SQLite, made
 * from the MasakhaNEWS rows (related.corpus.ts) and written through the real
 * write service in large transactions, with the related queue hook as its
 * only hook (the search index and event outbox are not measured here); then
 * the related indexer drains the queue (articles/s), and `related(first: 5)`
 * is timed for 1,000 random articles through the service, and for a sample
 * over HTTP GraphQL. Target: p99 < 25 ms.
 *
 *   npm run build && node dist/bench/related/related.bench.js
 */
const TOTAL = Number(process.env.BENCH_ARTICLES ?? 100_000);
const WRITE_CHUNK = 5_000;
const SAMPLES = 1_000;
const HTTP_SAMPLES = 200;
const TARGET_P99_MS = 25;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-related-bench-'));
  const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '0', SEED_DEMO: 'false' }), database: parseDatabaseUrl(`sqlite:${path.join(dir, 'bench.sqlite')}`) };
  const app = await buildApp(config, { relatedIndexPollMs: 0 });
  try {
    console.log(`bench/related: ${TOTAL} articles, SQLite`);
    const writer = new ArticleWriteService([relatedQueueHook()]);
    const writeMs = await timed(() => write(app, writer, syntheticDrafts(loadBaseArticles(CORPUS_DIR), TOTAL)));
    console.log(`written (queued for the index) in ${(writeMs / 1000).toFixed(1)} s: ${rate(TOTAL, writeMs)} articles/s`);

    const progress = (label: string) => {
      let next = 10_000;
      return (done: number) => {
        if (done < next) return;
        console.log(`  ${label} ${done}`);
        next += 10_000;
      };
    };
    const drain = await app.services.relatedIndexer.drain({ batchSize: 500, onProfiled: progress('profiled'), onBatch: progress('ranked') });
    (globalThis as { gc?: () => void }).gc?.();
    const memory = process.memoryUsage();
    console.log(
      `indexer: ${TOTAL} articles (${drain.processed - TOTAL} neighbour updates) in ${(drain.elapsedMs / 1000).toFixed(1)} s: ${rate(TOTAL, drain.elapsedMs)} articles/s;` +
        ` rss ${mb(memory.rss)} MB, heap ${mb(memory.heapUsed)} MB`,
    );

    const random = seededRandom(7);
    const ids = Array.from({ length: SAMPLES }, () => 1 + Math.floor(random() * TOTAL));
    const empty = { count: 0 };
    const service: number[] = [];
    for (const [index, id] of [...ids.slice(0, 100), ...ids].entries()) {
      const loaders = createLoaders(app.repositories, app.services);
      const article = (await app.services.articles.findOne({ id }))!;
      const started = performance.now();
      const related = await app.services.related.relatedFor(article, 5, loaders);
      if (index >= 100) {
        service.push(performance.now() - started);
        if (related.length === 0) empty.count += 1;
      }
    }
    report('service  related(first: 5)', service);
    console.log(`  ${empty.count} of ${SAMPLES} articles have no related article`);

    const url = await app.listen(0, '127.0.0.1');
    const query = `query($id: ID!) { article(id: $id) { title related(first: 5) { score reasons { signal terms } article { title url } } } }`;
    const http: number[] = [];
    for (const [index, id] of ids.slice(0, HTTP_SAMPLES + 20).entries()) {
      const started = performance.now();
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { id: toGlobalId('Article', id) } }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      if (index >= 20) http.push(performance.now() - started);
    }
    report('HTTP GraphQL article { related(first: 5) }', http);
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Through the write service in large transactions, as a bulk import without per-record savepoints. */
async function write(app: Awaited<ReturnType<typeof buildApp>>, writer: ArticleWriteService, drafts: Iterable<ArticleDraft>): Promise<void> {
  let chunk: ArticleDraft[] = [];
  const flush = async () => {
    const batch = chunk;
    chunk = [];
    await app.repositories.writes.transaction(async (tx) => {
      for (const draft of batch) await writer.upsert(tx, draft);
    });
  };
  for (const draft of drafts) {
    chunk.push(draft);
    if (chunk.length >= WRITE_CHUNK) await flush();
  }
  await flush();
}

function report(name: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const p99 = at(0.99);
  console.log(`${name}: ${samples.length} requests, p50 ${at(0.5).toFixed(2)} ms, p99 ${p99.toFixed(2)} ms (target < ${TARGET_P99_MS}: ${p99 < TARGET_P99_MS ? 'met' : 'NOT met'})`);
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const rate = (count: number, ms: number) => ((count * 1000) / Math.max(1, ms)).toFixed(0);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
