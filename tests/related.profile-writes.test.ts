import Database from 'better-sqlite3';
import { openCore, type Core } from '../src/composition-root';
import { runSql } from '../src/db/sql';
import { profileBuilderHere, profileBuilderOnWorker, type ProfileBuilder } from '../src/related/related.profile-builder';
import { CORPUS_DIR } from '../src/seeding/demo.seed';
import { loadBaseArticles } from '../src/synth/synth.corpus';
import { SynthService } from '../src/synth/synth.service';
import { SYNTH_DEFAULTS } from '../src/synth/synth.drafts';
import type { CountSource } from '../src/related/related.counted-page';
import type { TermWeight } from '../src/related/related.types';
import { createTestDatabase, testConfig, testDialect, type TestDatabase } from './helpers/test-database';

/**
 * The bulk build's profiling worker writing the profiles it builds on a
 * SQLite connection of its own (ProfileWriter), and the read-only
 * transactions the main thread reads with meanwhile, against a real file
 * and a second real connection holding the write lock. On PostgreSQL there
 * is no file: the main thread writes (the bulk tests cover that path).
 */
describe('profiles written by the profiling worker', () => {
  let db: TestDatabase;
  let core: Core;
  const sql = (text: string, params: unknown[] = []) => runSql<any>(core.dataSource, text, params);
  // A short wait for the lock: a write held up by the other connection fails at once instead of after 5 s.
  const BUSY_MS = 300;

  beforeAll(async () => {
    db = await createTestDatabase();
    core = await openCore(testConfig(db.database, { SQLITE_BUSY_TIMEOUT_MS: String(BUSY_MS) }));
    const bases = loadBaseArticles(CORPUS_DIR).filter((base, index) => base.language === 'sw' && index % 3 === 0);
    await new SynthService(core.repositories.writes, core.services.writer).generate(bases, 60, SYNTH_DEFAULTS);
    await core.services.relatedIndexer.drain({ batchSize: 20 });
  }, 300_000);
  afterAll(async () => {
    await core.close();
    await db.drop();
  });

  const swahili = async (): Promise<CountSource[]> =>
    (await sql("SELECT id, title, standfirst, body_text, language FROM articles WHERE language = 'sw' ORDER BY id")).map((row) => ({
      id: Number(row.id),
      title: row.title,
      standfirst: row.standfirst,
      bodyText: row.body_text,
      language: row.language,
    }));
  const fed = async (builder: ProfileBuilder) => {
    const docs = Number((await sql("SELECT docs FROM language_stats WHERE language = 'sw'"))[0].docs);
    const rows = await sql("SELECT term, df FROM term_stats WHERE language = 'sw' AND df >= 2 ORDER BY term");
    await builder.begin(docs, 1_000);
    await builder.addFrequencies(
      rows.map((row) => row.term),
      rows.map((row) => Number(row.df)),
    );
    return builder;
  };
  const stored = async (ids: readonly number[]) => {
    const rows = await sql(`SELECT article_id, term, weight FROM article_terms WHERE article_id IN (${ids.join(', ')}) ORDER BY article_id, term`);
    return rows.map((row) => [Number(row.article_id), row.term, Number(row.weight)]);
  };
  const asRows = (profiles: ReadonlyMap<number, readonly TermWeight[]>) =>
    [...profiles]
      .sort(([a], [b]) => a - b)
      .flatMap(([id, profile]) => [...profile].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0)).map(({ term, weight }) => [id, term, weight]));
  const indexedAt = async (ids: readonly number[]) =>
    new Map((await sql(`SELECT article_id, indexed_at FROM related_index WHERE article_id IN (${ids.join(', ')})`)).map((row) => [Number(row.article_id), Number(row.indexed_at)]));

  it('names the SQLite file and its busy timeout, and nothing on PostgreSQL', async () => {
    const target = await core.repositories.related.sqliteTarget();
    if (testDialect === 'postgres') expect(target).toBeNull();
    else expect(target).toEqual({ file: (db.database as { file: string }).file, busyTimeoutMs: BUSY_MS });
  });

  const onSqlite = testDialect === 'sqlite' ? it : it.skip;

  onSqlite('stores each page it builds, as the main thread would, and moves indexed_at once', async () => {
    const texts = await swahili();
    expect(texts.length).toBeGreaterThan(40);
    const ids = texts.map((text) => text.id);
    const here = await fed(profileBuilderHere());
    const expected = await here.build(new Map(), texts);
    const before = await indexedAt(ids);
    // Profiles that differ from the built ones, so the rows below can only be the worker's.
    await sql(`DELETE FROM article_terms WHERE article_id IN (${ids.join(', ')})`);
    await sql('INSERT INTO article_terms (article_id, term, weight) VALUES (?, ?, ?)', [ids[0], 'neno-la-zamani', 0.5]);
    const worker = await fed(profileBuilderOnWorker(1_000, (await core.repositories.related.sqliteTarget())!));
    try {
      expect(worker.writesProfiles).toBe(true);
      const built = await worker.build(new Map(), texts.slice(0, 25));
      const builtRest = await worker.build(new Map(), texts.slice(25));
      expect(new Map([...built, ...builtRest])).toEqual(expected);
      expect(await stored(ids)).toEqual(asRows(expected));
      const after = await indexedAt(ids);
      expect(ids.map((id) => after.get(id)! - before.get(id)!)).toEqual(ids.map(() => 1));
    } finally {
      await worker.close();
    }
    // Closed, it holds no lock: this connection takes the write lock at once (it would wait BUSY_MS and fail).
    await core.repositories.related.transaction(async () => sql("UPDATE language_stats SET docs = docs WHERE language = 'sw'"));
  });

  onSqlite('fails a page it cannot write while another connection holds the lock, writing none of it', async () => {
    const texts = (await swahili()).slice(0, 10);
    const ids = texts.map((text) => text.id);
    const before = await stored(ids);
    const beforeIndexed = await indexedAt(ids);
    const worker = await fed(profileBuilderOnWorker(1_000, (await core.repositories.related.sqliteTarget())!));
    const other = new Database((db.database as { file: string }).file);
    try {
      other.exec('BEGIN IMMEDIATE');
      await expect(worker.build(new Map(), texts)).rejects.toThrow(/database is locked/);
      other.exec('ROLLBACK');
      expect(await stored(ids)).toEqual(before);
      expect(await indexedAt(ids)).toEqual(beforeIndexed);
      // The lock gone, the next page is written.
      expect((await worker.build(new Map(), texts)).size).toBe(texts.length);
      expect(await indexedAt(ids)).toEqual(new Map(ids.map((id) => [id, beforeIndexed.get(id)! + 1])));
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      await worker.close();
    }
  });

  onSqlite('reads in a read-only transaction while another connection writes; a writing one waits and fails', async () => {
    const related = core.repositories.related;
    const other = new Database((db.database as { file: string }).file);
    try {
      other.exec('BEGIN IMMEDIATE');
      const read = () => related.transaction(async (unit) => related.on(unit).languageDocs(['sw']), { readOnly: true });
      expect((await read()).get('sw')).toBeGreaterThan(40);
      await expect(related.transaction(async (unit) => related.on(unit).languageDocs(['sw']))).rejects.toThrow(/database is locked/);
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    }
  });
});
