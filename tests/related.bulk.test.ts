import { openCore, type Core } from '../src/composition-root';
import { indexLookupSql, runSql } from '../src/db/sql';
import { bulkIndex, type BulkOptions } from '../src/related/related.bulk-index';
import { RelatedIndexer } from '../src/related/related.indexer';
import { readStoredProfiles } from '../src/related/related.repository';
import { CORPUS_DIR } from '../src/seeding/demo.seed';
import { loadBaseArticles } from '../src/synth/synth.corpus';
import { SynthService } from '../src/synth/synth.service';
import { SYNTH_DEFAULTS } from '../src/synth/synth.drafts';
import { createTestDatabase, testConfig, testDialect, type TestDatabase } from './helpers/test-database';

/**
 * The bulk build (related.bulk-index.ts) against the incremental indexer, on
 * a realistic fixture: 400 synthetic articles in all six languages (every sixth
 * article of corpus/, then renamed "later years" of them, so there are
 * near-duplicates, shared categories and sources, and uneven languages).
 */
describe('related index built in bulk', () => {
  let db: TestDatabase;
  let core: Core;
  const sql = (text: string, params: unknown[] = []) => runSql<any>(core.dataSource, text, params);
  // Scores and reasons exactly as stored (reasons are JSON text): any float difference shows.
  const lists = () => sql('SELECT article_id, position, related_id, score, reasons FROM article_related ORDER BY article_id, position');
  const profiles = () => sql('SELECT article_id, term, weight FROM article_terms ORDER BY article_id, term');
  const stats = () => sql('SELECT language, term, df FROM term_stats ORDER BY language, term');

  beforeAll(async () => {
    db = await createTestDatabase();
    core = await openCore(testConfig(db.database));
    const bases = loadBaseArticles(CORPUS_DIR).filter((_, index) => index % 6 === 0);
    await new SynthService(core.repositories.writes, core.services.writer).generate(bases, 400, SYNTH_DEFAULTS);
  }, 300_000);
  afterAll(async () => {
    await core.close();
    await db.drop();
  });

  // Whether an index exists, asked of the database itself (not the repository's remembered answer).
  const indexExists = async (name: string) => (await sql(indexLookupSql(db.database.kind), [name])).length > 0;
  // The candidate search's postings, and whose lists name an article.
  const termIndexExists = () => indexExists('ix_article_terms_term');
  const ownerIndexExists = () => indexExists('ix_article_related_related');
  // A whole-archive build as `habari reindex` runs it (its workers, the term index left out), 50 articles a page.
  const wholeBuildOnWorkers = (options: Partial<BulkOptions>) =>
    bulkIndex(core.repositories.related, { pageSize: 50, now: () => new Date(), countingWorkers: 1, rankingWorkers: 2, parallelFrom: 1, deferTermIndexBacklog: 1, ...options });
  let bulkLists: unknown[] = [];
  let bulkProfiles: unknown[] = [];

  it('builds the same profiles and lists as indexing one article at a time', async () => {
    // The whole-archive path: the term index is dropped while profiles are written and built once at the end.
    const bulk = new RelatedIndexer(core.repositories.related, { bulkBacklog: 1, deferTermIndexBacklog: 1 });
    const indexSeen: Array<Promise<boolean>> = [];
    const ownerIndexSeen: Array<Promise<boolean>> = [];
    const profiledSoFar: number[] = [];
    // Ranked by two worker threads (RankingPool), as `habari reindex` ranks; so are profiles built (a worker of their own).
    const summary = await bulk.drain({
      batchSize: 50,
      countingWorkers: 2,
      rankingWorkers: 2,
      parallelFrom: 1,
      onProfiled: (n) => (profiledSoFar.push(n), indexSeen.push(termIndexExists())),
      onBatch: () => ownerIndexSeen.push(ownerIndexExists()),
    });
    expect(profiledSoFar.at(-1)).toBe(400);
    expect(await Promise.all(indexSeen)).not.toContain(true);
    expect(await termIndexExists()).toBe(true);
    // Every owner of a list is in the backlog: the owner index is left out while the lists are written.
    expect(ownerIndexSeen.length).toBeGreaterThan(3);
    expect(await Promise.all(ownerIndexSeen)).not.toContain(true);
    expect(await ownerIndexExists()).toBe(true);
    // The indexes were sorted on SQLite's helper threads; the connection's own setting is back (none).
    if (db.database.kind === 'sqlite') expect(await sql('PRAGMA threads')).toEqual([{ threads: 0 }]);
    expect(summary.processed).toBe(400);
    expect(Number((await sql('SELECT COUNT(*) AS n FROM related_queue'))[0].n)).toBe(0);
    const bulkStats = await stats();
    bulkProfiles = await profiles();
    bulkLists = await lists();
    expect(new Set(bulkLists.map((row: any) => Number(row.article_id))).size).toBeGreaterThan(360);

    // Every article again, one per transaction, through the incremental path (SQL candidate search):
    // a fixed point, so nothing may move.
    const single = new RelatedIndexer(core.repositories.related, { bulkBacklog: Number.POSITIVE_INFINITY });
    const again = await single.reindexAll({ batchSize: 1 });
    expect(again.processed).toBeGreaterThanOrEqual(400); // and the neighbours each article queues again
    expect(await stats()).toEqual(bulkStats);
    expect(await profiles()).toEqual(bulkProfiles);
    expect(await lists()).toEqual(bulkLists);
  }, 600_000);

  it('queues again an article another process indexed while a whole-archive build asked no owners', async () => {
    await core.repositories.related.enqueueAllPublished(new Date());
    const [{ id: outsider }] = await sql("SELECT MAX(id) AS id FROM articles WHERE status = 'PUBLISHED'");
    const [{ id: listed }] = await sql("SELECT MIN(id) AS id FROM articles WHERE status = 'PUBLISHED'");
    // Out of the backlog before the build: its row and list are written meanwhile, as another process's indexer would.
    await sql('DELETE FROM related_queue WHERE article_id = ?', [outsider]);
    const [saved] = await sql('SELECT language, terms, term_counts, indexed_at FROM related_index WHERE article_id = ?', [outsider]);
    await sql('DELETE FROM article_related WHERE article_id = ?', [outsider]);
    await sql('DELETE FROM related_index WHERE article_id = ?', [outsider]);
    let written = false;
    const ranked = await wholeBuildOnWorkers({
      onBatch: async () => {
        if (written) return;
        written = true;
        expect(await ownerIndexExists()).toBe(false);
        await sql('INSERT INTO related_index (article_id, language, terms, term_counts, indexed_at) VALUES (?, ?, ?, ?, ?)', [outsider, saved.language, saved.terms, saved.term_counts, saved.indexed_at]);
        await sql("INSERT INTO article_related (article_id, position, related_id, score, reasons) VALUES (?, 0, ?, 0.5, '[]')", [outsider, listed]);
      },
    });
    expect(ranked).toBe(399);
    expect(await ownerIndexExists()).toBe(true);
    expect((await sql('SELECT article_id FROM related_queue')).map((row: any) => Number(row.article_id))).toEqual([Number(outsider)]);
    // The incremental indexer ranks it again: every list as before.
    await new RelatedIndexer(core.repositories.related, { bulkBacklog: Number.POSITIVE_INFINITY }).drain({ batchSize: 50 });
    expect(await lists()).toEqual(bulkLists);
  }, 300_000);

  it('profiles from the tallies the count saved, and from the text where an article has none, alike', async () => {
    await core.repositories.related.enqueueAllPublished(new Date());
    let counted = 0;
    let cleared = false;
    const built = await bulkIndex(core.repositories.related, {
      pageSize: 50,
      countPageSize: 100,
      now: () => new Date(),
      countingWorkers: 2,
      onCounted: (n) => (counted = n),
      // Once every article is counted (between pass 1 and pass 2), half of them lose their saved tallies,
      // as when another instance's incremental indexer rewrote their rows meanwhile.
      pause: async () => {
        if (counted < 400 || cleared) return;
        cleared = true;
        expect(Number((await sql('SELECT COUNT(*) AS n FROM related_index WHERE term_counts IS NOT NULL'))[0].n)).toBe(400);
        await sql('UPDATE related_index SET term_counts = NULL WHERE article_id % 2 = 0');
      },
    });
    expect(cleared).toBe(true);
    expect(built).toBe(400);
    const kept = Number((await sql('SELECT COUNT(*) AS n FROM related_index WHERE term_counts IS NOT NULL'))[0].n);
    expect(kept).toBeGreaterThan(150);
    expect(kept).toBeLessThan(250);
    expect(await profiles()).toEqual(bulkProfiles);
    expect(await lists()).toEqual(bulkLists);
  }, 300_000);

  it('writes the count several pages a transaction, in a wider page cache put back after, with the same df, profiles and lists', async () => {
    await core.repositories.related.enqueueAllPublished(new Date());
    const statsBefore = await stats();
    const sqlite = db.database.kind === 'sqlite';
    const cacheSize = async () => Number((await sql('PRAGMA cache_size'))[0].cache_size);
    const cacheBefore = sqlite ? await cacheSize() : 0;
    const writes: number[] = [];
    const cachesWhileCounting: Array<Promise<number>> = [];
    const built = await bulkIndex(core.repositories.related, {
      pageSize: 50,
      countPageSize: 30,
      countWriteSize: 100,
      countCacheBytes: 8 * 1024 * 1024,
      now: () => new Date(),
      countingWorkers: 2,
      onCounted: (n) => {
        writes.push(n);
        if (sqlite) cachesWhileCounting.push(cacheSize());
      },
    });
    expect(built).toBe(400);
    // Four 30-article pages to a write (the first write of 100 or more), not one page.
    expect(writes).toEqual([120, 240, 360, 400]);
    expect(await stats()).toEqual(statsBefore);
    expect(await profiles()).toEqual(bulkProfiles);
    expect(await lists()).toEqual(bulkLists);
    if (sqlite) {
      expect(await Promise.all(cachesWhileCounting)).toEqual([-8192, -8192, -8192, -8192]);
      expect(await cacheSize()).toBe(cacheBefore);
    }
  }, 300_000);

  it('puts the term index back after a build that stopped without it; meanwhile live lists skip the candidate search', async () => {
    let profiledOnce = false;
    const stopping = new RelatedIndexer(core.repositories.related, { bulkBacklog: 1, deferTermIndexBacklog: 1 });
    await stopping.reindexAll({ batchSize: 100, onProfiled: () => (profiledOnce = true), shouldStop: () => profiledOnce });
    expect(await termIndexExists()).toBe(false);
    expect(Number((await sql('SELECT COUNT(*) AS n FROM related_queue'))[0].n)).toBe(400);

    // An article the index has not ranked, read live: no candidate search without the index (it would scan every profile).
    const [article] = await core.repositories.articles.findForIndexing([Number((await sql('SELECT MIN(id) AS id FROM articles'))[0].id)]);
    const noBodies = { articleBody: { loadMany: async () => [] } } as any;
    expect(await core.services.related.rankUnindexed([article], noBodies)).toEqual([[]]);

    // The next process's first drain builds it again (a build below the deferral size keeps it), and the lists come back the same.
    await new RelatedIndexer(core.repositories.related, { bulkBacklog: 1 }).drain({ batchSize: 100 });
    expect(await termIndexExists()).toBe(true);
    expect(await lists()).toEqual(bulkLists);
    const live = await core.services.related.rankUnindexed([article], noBodies);
    expect(live[0].length).toBeGreaterThan(0);
  }, 300_000);

  it('ranks with topic models the same on worker threads as on this one', async () => {
    await core.services.topics.retrainStale();
    await core.services.topics.refresh();
    const withTopics = (rankingWorkers: number) =>
      new RelatedIndexer(core.repositories.related, { bulkBacklog: 1, topicsOf: core.services.topics.topicsOf, rankingModel: core.services.topics.rankingModel }).reindexAll({
        batchSize: 50,
        rankingWorkers,
        parallelFrom: 1,
      });
    await withTopics(2);
    const onWorkers = await lists();
    expect(onWorkers.some((row: any) => row.reasons.includes('SAME_TOPIC'))).toBe(true);
    await withTopics(0);
    expect(await lists()).toEqual(onWorkers);
  }, 300_000);

  it('profiles the next language while this one is ranked only when the two are small, with the same lists either way', async () => {
    const before = await lists();
    const steps = async (overlapUntil: number) => {
      const seen: string[] = [];
      await new RelatedIndexer(core.repositories.related, { bulkBacklog: 1, topicsOf: core.services.topics.topicsOf, rankingModel: core.services.topics.rankingModel }).reindexAll({
        batchSize: 50,
        countingWorkers: 2,
        rankingWorkers: 2,
        parallelFrom: 1,
        overlapUntil,
        onLanguage: (language, step) => seen.push(`${step} ${language}`),
      });
      return seen;
    };
    const languages = ['am', 'en', 'fr', 'ha', 'so', 'sw'];
    // Small (the 400 articles' languages are 40-100 each): the next one's profiling starts as this one's ranking does.
    const together = await steps(1_000);
    expect(together.slice(0, 5)).toEqual(['profiling am', 'ranking am', 'profiling en', 'ranked am', 'ranking en']);
    expect(await lists()).toEqual(before);
    // "Large" (every pair is above 0 articles): they take turns.
    const turns = await steps(0);
    expect(turns).toEqual(languages.flatMap((language) => [`profiling ${language}`, `ranking ${language}`, `ranked ${language}`]));
    expect(await lists()).toEqual(before);
  }, 300_000);

  it('writes the lists workers rank for one language while it profiles the next, page by page', async () => {
    const before = await lists();
    await core.repositories.related.enqueueAllPublished(new Date());
    // Small pages, so each language is many transactions: lists written (onBatch) for Amharic must come
    // between English's profile pages, not all after them (the profiling loop must let the workers' answers in).
    // Profiles are built on this thread (no counting workers), where the loop awaits nothing but promises.
    const events: string[] = [];
    let language = '';
    await bulkIndex(core.repositories.related, {
      pageSize: 5,
      profilePageSize: 5,
      now: () => new Date(),
      countingWorkers: 0,
      rankingWorkers: 2,
      parallelFrom: 1,
      overlapUntil: 1_000,
      topicsOf: core.services.topics.topicsOf,
      rankingModel: core.services.topics.rankingModel,
      onLanguage: (name, step) => {
        if (step === 'profiling') language = name;
        events.push(`${step} ${name}`);
      },
      onProfiled: () => {
        events.push(`profiled ${language}`);
        // On a loaded machine the workers may not have answered yet when English is profiled (CI once saw
        // none in time). Give them time between English pages while no Amharic list has come, by blocking
        // this thread rather than awaiting: the turn the workers' answers come in on stays the loop's own.
        if (language === 'en' && !events.slice(events.indexOf('profiled en')).includes('lists written')) blockThisThread(1_000);
      },
      onBatch: () => events.push('lists written'),
    });
    const englishProfiled = events.flatMap((event, at) => (event === 'profiled en' ? [at] : []));
    const amharicLists = events.flatMap((event, at) => (event === 'lists written' && at < events.indexOf('ranked am') ? [at] : []));
    expect(englishProfiled.length).toBeGreaterThan(5);
    expect(amharicLists.filter((at) => at > englishProfiled[0] && at < englishProfiled.at(-1)!).length).toBeGreaterThan(0);
    expect(await lists()).toEqual(before);
  }, 300_000);

  it('rebuilds part of an indexed archive in bulk: the others load their stored profiles, and nothing changes', async () => {
    const before = await lists();
    // Every third published article queued without its neighbours: the rest of each language comes from article_terms.
    await sql("INSERT INTO related_queue (article_id, cascade_neighbours, enqueued_at) SELECT id, FALSE, ? FROM articles WHERE status = 'PUBLISHED' AND id % 3 = 0", [Date.now()]);
    const queued = Number((await sql('SELECT COUNT(*) AS n FROM related_queue'))[0].n);
    expect(queued).toBeGreaterThan(100);
    const ranked = await bulkIndex(core.repositories.related, {
      pageSize: 40,
      profilePageSize: 30,
      now: () => new Date(),
      countingWorkers: 1,
      rankingWorkers: 2,
      parallelFrom: 1,
      topicsOf: core.services.topics.topicsOf,
      rankingModel: core.services.topics.rankingModel,
    });
    expect(ranked).toBe(queued);
    expect(await profiles()).toEqual(bulkProfiles);
    expect(await lists()).toEqual(before);
  }, 300_000);

  it('reads a profile stored with 64-bit weights (before they were 32-bit) as the bulk build holds it', async () => {
    // The bulk build keeps weights in a Float32Array; the incremental path reads them from SQL. A weight
    // stored at 64 bits by an older version must read rounded, or the two paths could order lists apart.
    const [row] = await sql('SELECT article_id, term, weight FROM article_terms ORDER BY article_id, term LIMIT 1');
    await sql('UPDATE article_terms SET weight = ? WHERE article_id = ? AND term = ?', [0.1, row.article_id, row.term]);
    try {
      const read = (await readStoredProfiles(core.dataSource, [Number(row.article_id)])).get(Number(row.article_id))!;
      expect(read.find(({ term }) => term === row.term)!.weight).toBe(Math.fround(0.1));
      expect(read.every(({ weight }) => Math.fround(weight) === weight)).toBe(true);
    } finally {
      await sql('UPDATE article_terms SET weight = ? WHERE article_id = ? AND term = ?', [row.weight, row.article_id, row.term]);
    }
  });

  it('leaves an unpublished article out of every list, and queues nothing twice', async () => {
    const [victim] = await sql('SELECT related_id FROM article_related GROUP BY related_id ORDER BY COUNT(*) DESC, related_id LIMIT 1');
    const id = Number(victim.related_id);
    await sql("UPDATE articles SET status = 'DRAFT' WHERE id = ?", [id]);
    await core.repositories.related.enqueueAllPublished(new Date());
    await sql('INSERT INTO related_queue (article_id, cascade_neighbours, enqueued_at) VALUES (?, TRUE, ?)', [id, Date.now()]);
    await new RelatedIndexer(core.repositories.related, { bulkBacklog: 1 }).drain({ batchSize: 100 });
    expect(Number((await sql('SELECT COUNT(*) AS n FROM article_related WHERE related_id = ? OR article_id = ?', [id, id]))[0].n)).toBe(0);
    expect(Number((await sql('SELECT COUNT(*) AS n FROM article_terms WHERE article_id = ?', [id]))[0].n)).toBe(0);
    expect(Number((await sql('SELECT COUNT(*) AS n FROM related_index WHERE article_id = ?', [id]))[0].n)).toBe(0);
    expect(Number((await sql('SELECT COUNT(*) AS n FROM related_queue'))[0].n)).toBe(0);
    const [docs] = await sql('SELECT SUM(docs) AS n FROM language_stats');
    expect(Number(docs.n)).toBe(399);
  }, 300_000);

  it('counts an edited archive again: df follows the term sets, and terms no article holds any more are deleted', async () => {
    const [row] = await sql('SELECT article_id, language, terms FROM related_index ORDER BY article_id LIMIT 1');
    const id = Number(row.article_id);
    const before: string[] = JSON.parse(row.terms);
    const own = (await stats()).filter((stat: any) => stat.language === row.language && Number(stat.df) === 1 && before.includes(stat.term)).map((stat: any) => stat.term);
    expect(own.length).toBeGreaterThan(0);
    // Another article's body: the edited one loses the words only it had (df 1 -> 0).
    const [other] = await sql('SELECT body_text FROM articles WHERE id <> ? AND language = ? ORDER BY id DESC LIMIT 1', [id, row.language]);
    await sql('UPDATE articles SET body_text = ? WHERE id = ?', [other.body_text, id]);
    await core.repositories.related.enqueueAllPublished(new Date());
    await new RelatedIndexer(core.repositories.related, { bulkBacklog: 1 }).drain({ batchSize: 100 });

    const held = new Map<string, number>();
    for (const set of await sql('SELECT language, terms FROM related_index')) {
      for (const term of JSON.parse(set.terms)) held.set(`${set.language} ${term}`, (held.get(`${set.language} ${term}`) ?? 0) + 1);
    }
    const counted = new Map((await stats()).map((stat: any) => [`${stat.language} ${stat.term}`, Number(stat.df)]));
    expect(counted).toEqual(held);
    const after = new Set(JSON.parse((await sql('SELECT terms FROM related_index WHERE article_id = ?', [id]))[0].terms));
    const lost = own.filter((term: string) => !after.has(term));
    expect(lost.length).toBeGreaterThan(0);
    for (const term of lost) expect(counted.has(`${row.language} ${term}`)).toBe(false);
  }, 300_000);

  it('writes profiles and lists without SQLite\'s foreign-key checks (the command\'s build) to the same rows, checks on again after', async () => {
    const [profilesBefore, listsBefore] = [await profiles(), await lists()];
    await core.repositories.related.enqueueAllPublished(new Date());
    const sqlite = db.database.kind === 'sqlite';
    const checksDuring: Array<Promise<unknown>> = [];
    const built = await wholeBuildOnWorkers({
      checkReferencesAtEnd: true,
      onProfiled: () => sqlite && checksDuring.push(sql('PRAGMA foreign_keys')),
      onBatch: () => sqlite && checksDuring.push(sql('PRAGMA foreign_keys')),
    });
    expect(built).toBeGreaterThan(390);
    expect(await profiles()).toEqual(profilesBefore);
    expect(await lists()).toEqual(listsBefore);
    if (sqlite) {
      expect(checksDuring.length).toBeGreaterThan(10);
      for (const check of await Promise.all(checksDuring)) expect(check).toEqual([{ foreign_keys: 0 }]);
      expect(await sql('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    }
  }, 300_000);

  // Another process deletes an article while the build writes without checks: a later page's lists still name
  // it (the workers ranked from the index loaded before). What the checks guarded is checked at the end.
  (testDialect === 'sqlite' ? it : it.skip)('leaves no row naming an article another process deleted during an unchecked build, and ranks its lists\' owners again', async () => {
    const [{ related_id: named, n }] = await sql('SELECT related_id, COUNT(*) AS n FROM article_related GROUP BY related_id ORDER BY n DESC, related_id LIMIT 1');
    expect(Number(n)).toBeGreaterThan(3);
    const [{ language }] = await sql('SELECT language FROM articles WHERE id = ?', [named]);
    const namedBefore = await lists();
    const other = await openCore(testConfig(db.database));
    let ranking = false;
    let deleted = false;
    try {
      await core.repositories.related.enqueueAllPublished(new Date());
      await wholeBuildOnWorkers({
        pageSize: 5,
        checkReferencesAtEnd: true,
        // (The next language's profiling starts beside this one's ranking.)
        onLanguage: (at, step) => void (at === language && (ranking = step === 'ranking')),
        // After the language's first page of lists: the rest were ranked with the article still in the index.
        pause: async () => {
          if (!ranking || deleted) return;
          deleted = true;
          await other.repositories.writes.transaction(async (tx) => other.services.writer.delete(tx, (await tx.lockById(Number(named)))!));
        },
      });
    } finally {
      await other.close();
    }
    expect(deleted).toBe(true);
    expect(await sql('PRAGMA foreign_key_check')).toEqual([]);
    expect(await sql('SELECT article_id FROM article_related WHERE related_id = ? OR article_id = ?', [named, named])).toEqual([]);
    expect(await sql('SELECT article_id FROM article_terms WHERE article_id = ?', [named])).toEqual([]);
    expect(await sql('SELECT article_id FROM related_queue WHERE article_id = ?', [named])).toEqual([]);
    // Every list that lost it is queued to be ranked again (by the deletion itself, or by the check for
    // pages written after it), and the incremental indexer fills it.
    const lengths = (rows: any[]) => rows.reduce((count, row) => count.set(Number(row.article_id), (count.get(Number(row.article_id)) ?? 0) + 1), new Map<number, number>());
    const [before, after] = [lengths(namedBefore), lengths(await lists())];
    const shortened = [...before].filter(([owner, length]) => owner !== Number(named) && (after.get(owner) ?? 0) < length).map(([owner]) => owner);
    expect(shortened.length).toBeGreaterThan(3);
    const queued = new Set((await sql('SELECT article_id FROM related_queue')).map((row: any) => Number(row.article_id)));
    expect(shortened.filter((owner) => !queued.has(owner))).toEqual([]);
    await new RelatedIndexer(core.repositories.related, { bulkBacklog: Number.POSITIVE_INFINITY }).drain({ batchSize: 50 });
    expect(await sql('SELECT article_id FROM article_related WHERE related_id = ?', [named])).toEqual([]);
    expect(await sql('PRAGMA foreign_key_check')).toEqual([]);
  }, 300_000);
});

/** Sleeps without yielding to the event loop (Atomics.wait on the main thread is allowed in Node). */
function blockThisThread(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
