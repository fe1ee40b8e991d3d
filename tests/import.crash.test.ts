import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { readCorpusRows, syntheticRows, writeTsv } from '../bench/import/synthetic-tsv';
import { collect, startCli, summaryOf } from './helpers/cli';
import { createTestDatabase, testDialect } from './helpers/test-database';
import { seededRandom } from '../bench/related/related.corpus';

const ROWS = 3000;
const CHUNK = 250;

/** Reads the article count from outside the CLI (null until its migrations made the table). */
interface Probe {
  articles(): Promise<number | null>;
  query<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

function sqliteProbe(file: string): Probe {
  let db: Database.Database | null = null;
  const open = () => (db ??= fs.existsSync(file) ? new Database(file, { fileMustExist: true }) : null);
  return {
    async articles() {
      try {
        return (open()?.prepare('SELECT count(*) AS n FROM articles').get() as { n: number } | undefined)?.n ?? null;
      } catch {
        return null;
      }
    },
    async query<T>(sql: string) {
      return open()!.prepare(sql).all() as T[];
    },
    async close() {
      db?.close();
    },
  };
}

function postgresProbe(url: string): Probe {
  const client = new Client({ connectionString: url });
  const connected = client.connect();
  return {
    async articles() {
      await connected;
      try {
        return Number((await client.query('SELECT count(*) AS n FROM articles')).rows[0].n);
      } catch {
        return null;
      }
    },
    async query<T>(sql: string) {
      await connected;
      return (await client.query(sql)).rows as T[];
    },
    close: () => client.end(),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Random kill moments from a seed that every failure reports: KILL_SEED=<seed> replays that run's choices.
const KILL_SEED = Number(process.env.KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
const random = seededRandom(KILL_SEED);
const between = (low: number, high: number) => low + random() * (high - low);

/**
 * SIGKILLs `habari import` at random moments (during start-up and migrations,
 * then mid-chunk at random depths), then runs the same import to the end:
 * every row must be there exactly once, and the database must be sound.
 */
describe('habari import survives SIGKILL', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-crash-'));
  const tsv = path.join(dir, 'synthetic.tsv');
  beforeAll(async () => {
    const rows = await readCorpusRows(path.resolve(__dirname, '..', 'corpus', 'masakhanews-swa-dev.tsv'));
    await writeTsv(tsv, syntheticRows(rows, ROWS));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const targets: Array<[string, () => Promise<{ url: string; probe: Probe; drop(): Promise<void> }>]> = [
    [
      'SQLite',
      async () => {
        const file = path.join(dir, 'crash.sqlite');
        return { url: `sqlite:${file}`, probe: sqliteProbe(file), drop: async () => {} };
      },
    ],
  ];
  if (testDialect === 'postgres') {
    targets.push([
      'PostgreSQL',
      async () => {
        const db = await createTestDatabase();
        return { url: db.database.url, probe: postgresProbe(db.database.url), drop: () => db.drop() };
      },
    ]);
  }

  it.each(targets)('on %s: every article exactly once after killed runs and a final one', async (_name, open) => {
    const { url, probe, drop } = await open();
    // Drafts: the search index and event outbox skip them, which keeps this test quick; the
    // write path and its transactions are the same (ImportService tests cover hook atomicity).
    const args = ['import', tsv, '--language', 'sw', '--source', 'BBC Swahili', '--chunk-size', String(CHUNK)];
    const kills: string[] = [];
    let stopped = false;
    try {
      // The first kill lands in start-up or migrations; the others once a random share of the rows is committed.
      const plan: Array<() => Promise<string>> = [
        async () => {
          const delay = between(50, 700);
          await sleep(delay);
          return `${Math.round(delay)} ms after start`;
        },
        ...[
          [0.05, 0.3],
          [0.35, 0.6],
          [0.65, 0.9],
        ].map(([low, high]) => async () => {
          const threshold = Math.floor(between(low, high) * ROWS);
          let seen = (await probe.articles()) ?? 0;
          while (seen < threshold && !stopped) {
            await sleep(15);
            seen = (await probe.articles()) ?? 0;
          }
          const extra = between(0, 250);
          await sleep(extra);
          return `${Math.round(extra)} ms after ${seen} rows were committed`;
        }),
      ];
      const started = Date.now();
      for (const waitForMoment of plan) {
        const child = startCli(args, url);
        const exit = collect(child);
        let moment = '';
        const finished = await Promise.race([exit.then(() => true), waitForMoment().then((described) => ((moment = described), false))]);
        if (finished) {
          kills.push('finished before the kill');
          stopped = true;
          break;
        }
        child.kill('SIGKILL');
        const result = await exit;
        kills.push(`${moment}: ${result.signal}, ${(await probe.articles()) ?? 0} rows committed, at ${Date.now() - started} ms`);
      }

      const final = await collect(startCli(args, url));
      expect(final.stderr).toBe('');
      expect(final.code).toBe(0);
      const summary = summaryOf(final.stdout);
      expect(summary.created + summary.unchanged).toBe(ROWS);
      expect(summary).toMatchObject({ updated: 0, failed: 0 });

      const [articles] = await probe.query<Record<string, number | string>>(
        `SELECT count(*) AS n, count(DISTINCT canonical_url) AS urls, count(DISTINCT content_hash) AS contents, count(DISTINCT slug) AS slugs,
           min(version) AS min_version, max(version) AS max_version FROM articles`,
      );
      expect(Object.fromEntries(Object.entries(articles).map(([k, v]) => [k, Number(v)]))).toEqual({
        n: ROWS,
        urls: ROWS,
        contents: ROWS,
        slugs: ROWS,
        min_version: 1,
        max_version: 1,
      });
      const [related] = await probe.query<Record<string, number | string>>('SELECT (SELECT count(*) FROM categories) AS categories, (SELECT count(*) FROM sources) AS sources');
      expect([Number(related.categories), Number(related.sources)]).toEqual([7, 1]);
      if (url.startsWith('sqlite:')) {
        expect(await probe.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
        expect(await probe.query('PRAGMA foreign_key_check')).toEqual([]);
      }
    } catch (error) {
      (error as Error).message += `\nkills (KILL_SEED=${KILL_SEED}): ${kills.join('; ')}`;
      throw error;
    } finally {
      stopped = true;
      await probe.close();
      await drop();
    }
    // Several import processes started and killed in turn: minutes, not seconds, on a loaded two-core host.
  }, 240_000);
});
