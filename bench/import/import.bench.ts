import 'reflect-metadata';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ArticleWriteService } from '../../src/articles/article-write.service';
import { loadConfig, parseDatabaseUrl, type Config } from '../../src/config';
import { openCore } from '../../src/composition-root';
import { openDatabase } from '../../src/db/data-source';
import { ImportService } from '../../src/importing/import.service';
import type { ImportRecord } from '../../src/importing/import.types';
import { readTsvRows } from '../../src/importing/tsv.reader';
import { tsvTextToBody } from '../../src/importing/tsv-text';
import { preparedRecords } from '../../src/importing/prepared-records';
import { DEMO_FILES, TOPIC_NAMES, type DemoFile } from '../../src/seeding/demo.catalogue';
import { CORPUS_DIR } from '../../src/seeding/demo.seed';
import { readCorpusRows, syntheticRows, writeTsv } from './synthetic-tsv';

/**
 * bench/import: the six MasakhaNEWS files plus synthetic copies (distinct
 * urls and titles) up to BENCH_ARTICLES (100,000) articles, streamed from
 * generated TSV files into fresh SQLite files, published. Three cases, one
 * after the other in this process, so their ratios hold on a noisy machine:
 * - habari: the real ImportService as production composes it (the write
 *   service with every ArticleChangeHook: search index, event outbox...),
 *   fed as `habari import` feeds it (rows read and prepared on a worker
 *   thread while the main thread writes);
 *   articles/s overall and per 10k, memory at 10k/50k/100k (must stay flat);
 * - write path: the same ImportService and ArticleWriteService without hooks;
 * - baseline: the same TSV reader, plain better-sqlite3 prepared INSERTs of
 *   the article rows in one transaction: the least any importer must do.
 * Target: habari >= 2,000 articles/s.
 */
const TOTAL = Number(process.env.BENCH_ARTICLES ?? 100_000);
const SLICE = 10_000;
const MEMORY_AT = new Set([10_000, 50_000, 100_000, TOTAL]);
const TARGET = 2_000;

interface GeneratedFile {
  demo: DemoFile;
  file: string;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-import-bench-'));
  try {
    const files = await generateFiles(dir);
    const bytes = files.reduce((sum, f) => sum + fs.statSync(f.file).size, 0);
    console.log(`bench/import: ${TOTAL} articles in ${files.length} TSV files (${(bytes / 1e6).toFixed(0)} MB), SQLite, chunks of 500, published`);
    console.log('habari (ImportService as composed in production, with its change hooks):');
    const habari = await measure(() => runHabari(files, path.join(dir, 'habari.sqlite'), true));
    console.log(`  overall: ${habari} (target >= ${TARGET}/s: ${habari.wall >= TARGET ? 'met' : 'NOT met'})`);
    console.log('write path (the same ImportService, ArticleWriteService without hooks):');
    const writePath = await measure(() => runHabari(files, path.join(dir, 'write-path.sqlite'), false));
    console.log(`  overall: ${writePath}`);
    const baseline = await measure(() => runBaseline(files, path.join(dir, 'baseline.sqlite')));
    console.log(`baseline (same reader, better-sqlite3 prepared INSERTs, one transaction): ${baseline}`);
    // A busy shared machine slows every case alike, so ratios hold where absolute rates do not.
    // Habari runs on two threads (the worker prepares rows), so its CPU ratio is lower than its wall-clock one.
    console.log(`ratio to baseline (wall clock): habari ${(habari.wall / baseline.wall).toFixed(3)}x, write path ${(writePath.wall / baseline.wall).toFixed(3)}x`);
    console.log(`ratio to baseline (CPU): habari ${(habari.cpu / baseline.cpu).toFixed(3)}x, write path ${(writePath.cpu / baseline.cpu).toFixed(3)}x`);
    console.log(`change hooks take ${(100 * (1 - habari.cpu / writePath.cpu)).toFixed(0)}% of habari's import CPU time`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One file per language, each language's share of TOTAL as in the corpus. */
async function generateFiles(dir: string): Promise<GeneratedFile[]> {
  const corpora = await Promise.all(DEMO_FILES.map(async (demo) => ({ demo, rows: await readCorpusRows(path.join(CORPUS_DIR, demo.file)) })));
  const corpusRows = corpora.reduce((sum, c) => sum + c.rows.length, 0);
  let left = TOTAL;
  const files: GeneratedFile[] = [];
  for (const [index, { demo, rows }] of corpora.entries()) {
    const count = index === corpora.length - 1 ? left : Math.round((TOTAL * rows.length) / corpusRows);
    left -= count;
    const file = path.join(dir, `${demo.language}.tsv`);
    await writeTsv(file, syntheticRows(rows, count));
    files.push({ demo, file });
  }
  return files;
}

/** The records as `habari import` reads them: parsed and prepared on a worker thread. */
function recordsOf(files: GeneratedFile[]): AsyncIterable<ImportRecord> {
  return preparedRecords(
    files.map(({ demo, file }) => ({
      file,
      options: { language: demo.language, sourceName: demo.sourceName, urlBase: demo.urlBase, publish: true },
      categoryNames: TOPIC_NAMES[demo.language],
    })),
  );
}

class Rate {
  constructor(
    readonly wall: number,
    readonly cpu: number,
  ) {}

  toString(): string {
    return `${this.wall.toFixed(0)} articles/s, ${this.cpu.toFixed(0)} articles per CPU-second`;
  }
}

/** Runs a case that returns how many articles it wrote; rates per wall-clock and per CPU second. */
async function measure(run: () => Promise<number>): Promise<Rate> {
  const wallStarted = performance.now();
  const cpuStarted = process.cpuUsage();
  const articles = await run();
  const cpu = process.cpuUsage(cpuStarted);
  return new Rate((articles * 1000) / (performance.now() - wallStarted), (articles * 1e6) / (cpu.user + cpu.system));
}

async function runHabari(files: GeneratedFile[], dbFile: string, withHooks: boolean): Promise<number> {
  const config: Config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '0', SEED_DEMO: 'false' }), database: parseDatabaseUrl(`sqlite:${dbFile}`) };
  const core = await openCore(config);
  const importer = withHooks ? core.services.importer : new ImportService(core.repositories.writes, new ArticleWriteService([]));
  try {
    const started = performance.now();
    let sliceStarted = started;
    let nextSlice = SLICE;
    const summary = await importer.run(recordsOf(files), {
      chunkSize: 500,
      onProgress: (done) => {
        const now = performance.now();
        if (done >= nextSlice || done === TOTAL) {
          const from = nextSlice - SLICE;
          console.log(`  ${String(from / 1000).padStart(3)}k-${String(Math.min(done, nextSlice) / 1000).padStart(3)}k: ${rate(done - from, now - sliceStarted)} articles/s`);
          sliceStarted = now;
          nextSlice += SLICE;
        }
        if (MEMORY_AT.has(done)) {
          const memory = process.memoryUsage();
          console.log(`  memory at ${done / 1000}k: rss ${mb(memory.rss)} MB, heap used ${mb(memory.heapUsed)} MB`);
        }
      },
    });
    const written = summary.created + summary.updated + summary.unchanged;
    if (written !== TOTAL || summary.failed > 0) {
      throw new Error(`expected ${TOTAL} articles, got ${JSON.stringify({ ...summary, failures: summary.failures.slice(0, 3) })}`);
    }
    return written;
  } finally {
    await core.close();
  }
}

/** The least any importer must do: read the same rows, build the row, INSERT it. */
async function runBaseline(files: GeneratedFile[], dbFile: string): Promise<number> {
  const migrated = await openDatabase(parseDatabaseUrl(`sqlite:${dbFile}`));
  await migrated.destroy();
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const insert = db.prepare(
    `INSERT INTO articles (slug, language, title, body, body_text, status, published_at, created_at, updated_at, reading_time_minutes,
       word_count, canonical_url, content_hash, tags, version)
     VALUES (?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, ?, 1, 0, ?, ?, '[]', 1)`,
  );
  let count = 0;
  db.exec('BEGIN');
  for (const { demo, file } of files) {
    for await (const row of readTsvRows(fs.createReadStream(file))) {
      if ('reason' in row) throw new Error(`${file}:${row.line}: ${row.reason}`);
      const body = tsvTextToBody(row.text);
      const bodyText = body.map((block) => block.text).join('\n\n');
      const now = Date.now();
      const url = row.url ? new URL(row.url, demo.urlBase).toString() : null;
      const hash = createHash('sha256').update(`${row.headline}\n${bodyText}`).digest('hex');
      insert.run(`a-${count}`, demo.language, row.headline, JSON.stringify(body), bodyText, now, now, now, url, hash);
      count += 1;
    }
  }
  db.exec('COMMIT');
  db.close();
  return count;
}

const rate = (count: number, ms: number) => ((count * 1000) / ms).toFixed(0).padStart(6);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
