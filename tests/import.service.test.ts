import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ArticleWriteService } from '../src/articles/article-write.service';
import { articleChangeHooks, openCore, type Core } from '../src/composition-root';
import { ImportService } from '../src/importing/import.service';
import type { ImportRecord } from '../src/importing/import.types';
import { tsvRecords } from '../src/importing/tsv.records';
import { readCorpusRows, writeTsv, type CorpusRow } from '../bench/import/synthetic-tsv';
import { articleDraft } from './factories/article.factory';
import { articleStamps, tableCounts } from './helpers/db-inspect';
import { createTestDatabase, testConfig, type TestDatabase } from './helpers/test-database';

const CORPUS = path.resolve(__dirname, '..', 'corpus', 'masakhanews-swa-dev.tsv');

/** The real ImportService on a real, migrated database (SQLite, or PostgreSQL with TEST_DATABASE_URL). */
describe('ImportService', () => {
  let db: TestDatabase;
  let core: Core;
  let dir: string;
  let rows: CorpusRow[];

  const importTsv = (file: string, options: { strict?: boolean; chunkSize?: number } = {}) =>
    core.services.importer.run(tsvRecords(file, fs.createReadStream(file), { language: 'sw', sourceName: 'BBC Swahili', publish: true }), options);
  const tsvFile = async (name: string, content: Iterable<CorpusRow>) => {
    const file = path.join(dir, name);
    await writeTsv(file, content);
    return file;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    core = await openCore(testConfig(db.database));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-import-'));
    rows = await readCorpusRows(CORPUS);
  });
  afterAll(async () => {
    await core.close();
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a TSV twice: the second run finds every record unchanged and writes nothing', async () => {
    const first = await importTsv(CORPUS, { chunkSize: 100 });
    expect(first).toMatchObject({ created: rows.length, updated: 0, unchanged: 0, failed: 0 });
    const counts = await tableCounts(core.dataSource);
    const stamps = await articleStamps(core.dataSource);
    expect(stamps).toHaveLength(rows.length);

    const second = await importTsv(CORPUS, { chunkSize: 100 });
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: rows.length, failed: 0 });
    expect(await tableCounts(core.dataSource)).toEqual(counts);
    expect(await articleStamps(core.dataSource)).toEqual(stamps);
  });

  it('updates an article in place when its row changes under the same url', async () => {
    const before = await articleStamps(core.dataSource);
    const counts = await tableCounts(core.dataSource);
    const edited = rows.map((row, index) => {
      if (index === 0) return { ...row, headline: `${row.headline} (imesasishwa)` };
      if (index === 1) return { ...row, text: `${row.text}\nAya mpya iliyoongezwa na mhariri.` };
      return row;
    });
    const summary = await importTsv(await tsvFile('edited.tsv', edited));
    expect(summary).toMatchObject({ created: 0, updated: 2, unchanged: rows.length - 2, failed: 0 });

    const after = await articleStamps(core.dataSource);
    expect(after.map((a) => a.id)).toEqual(before.map((a) => a.id));
    for (const [index, stamp] of after.entries()) {
      if (index > 1) {
        expect(stamp).toEqual(before[index]);
        continue;
      }
      expect(stamp).toMatchObject({ id: before[index].id, slug: before[index].slug, version: 2, canonical_url: before[index].canonical_url });
      expect(stamp.updated_at).toBeGreaterThan(before[index].updated_at as number);
      expect(stamp.content_hash).not.toBe(before[index].content_hash);
    }
    // One PUBLISHED event per article, then one UPDATED per change; nothing else grew.
    expect(await tableCounts(core.dataSource)).toEqual({ ...counts, article_events: counts.article_events + 2 });
  });

  it('keys rows without a url by their content', async () => {
    const noUrl = rows.slice(0, 20).map((row) => ({ ...row, headline: `${row.headline} bila kiungo`, url: null }));
    const file = await tsvFile('no-url.tsv', noUrl);
    const first = await importTsv(file);
    expect(first).toMatchObject({ created: 20, failed: 0 });
    const counts = await tableCounts(core.dataSource);
    const stamps = await articleStamps(core.dataSource);
    expect(stamps.slice(-20).every((a) => a.canonical_url === null)).toBe(true);

    expect(await importTsv(file)).toMatchObject({ created: 0, updated: 0, unchanged: 20, failed: 0 });
    expect(await tableCounts(core.dataSource)).toEqual(counts);
    expect(await articleStamps(core.dataSource)).toEqual(stamps);
  });

  it('writes the good records around bad ones and names each bad one by file and line', async () => {
    const fresh = rows.slice(20, 23).map((row) => ({ ...row, headline: `${row.headline} mchanganyiko`, url: `${row.url}-mix` }));
    const file = path.join(dir, 'mixed.tsv');
    fs.writeFileSync(
      file,
      [
        'category\theadline\ttext\turl',
        `${fresh[0].category}\t${fresh[0].headline}\t${fresh[0].text}\t${fresh[0].url}`,
        'politics\tHakuna maandishi\t \thttps://www.bbc.com/swahili/empty',
        `${fresh[1].category}\t${fresh[1].headline}\t${fresh[1].text}\t${fresh[1].url}`,
        'politics\tKiungo kisicho kamili\tMaandishi ya habari.\t/swahili/relative',
        `${fresh[2].category}\t${fresh[2].headline}\t${fresh[2].text}\t${fresh[2].url}`,
      ].join('\n'),
    );
    const summary = await importTsv(file, { chunkSize: 2 });
    expect(summary).toMatchObject({ created: 3, updated: 0, unchanged: 0, failed: 2, rolledBack: false });
    expect(summary.failures).toEqual([
      { file, line: 3, reason: 'empty text' },
      { file, line: 5, reason: expect.stringContaining('url "/swahili/relative" is relative') },
    ]);
  });

  it('--strict writes nothing from a file with a bad record, and reports every record as failed', async () => {
    const counts = await tableCounts(core.dataSource);
    const fresh = rows.slice(30, 40).map((row, index) => ({ ...row, url: `${row.url}-strict`, headline: index === 6 ? ' ' : `${row.headline} kali` }));
    const file = await tsvFile('strict.tsv', fresh);
    const summary = await importTsv(file, { strict: true, chunkSize: 3 });
    expect(summary).toMatchObject({ created: 0, updated: 0, unchanged: 0, failed: 10, rolledBack: true });
    expect(summary.failures).toEqual([{ file, line: 8, reason: 'empty headline' }]);
    expect(await tableCounts(core.dataSource)).toEqual(counts);

    const fixed = await tsvFile('strict-fixed.tsv', fresh.map((row, index) => (index === 6 ? { ...row, headline: 'Kichwa kilichorekebishwa' } : row)));
    expect(await importTsv(fixed, { strict: true })).toMatchObject({ created: 10, failed: 0, rolledBack: false });
  });

  it('leaves nothing of an article whose write fails halfway, and announces only committed ones', async () => {
    const announced: string[] = [];
    // The production hooks, then one that fails for some articles after everything else was written.
    const writer = new ArticleWriteService([
      ...articleChangeHooks(core.events),
      async (tx, change) => {
        if (change.article.title.startsWith('Nusu-')) {
          tx.afterCommit(() => announced.push(change.article.title));
          if (change.article.title.includes('inashindwa')) throw new Error('the index is full');
        }
      },
    ]);
    const importer = new ImportService(core.repositories.writes, writer);
    const counts = await tableCounts(core.dataSource);
    const draft = (title: string) => articleDraft({ title, category: { name: 'Kategoria Mpya Kabisa' }, source: { name: 'Chanzo Kipya' } });
    const records: ImportRecord[] = [
      { ref: { file: 'drafts', line: 1 }, draft: draft('Nusu-inashindwa ya kwanza') },
      { ref: { file: 'drafts', line: 2 }, draft: draft('Nusu-inafaulu ya pili') },
      { ref: { file: 'drafts', line: 3 }, draft: draft('Nusu-inashindwa ya tatu') },
    ];
    const summary = await importer.run(records);
    expect(summary).toMatchObject({ created: 1, failed: 2, failures: [{ line: 1, reason: 'the index is full' }, { line: 3, reason: 'the index is full' }] });
    expect(announced).toEqual(['Nusu-inafaulu ya pili']);
    // The good article with its new category, source and lead image, its event and search entry; nothing of the others.
    const after = await tableCounts(core.dataSource);
    const grown = Object.fromEntries(Object.entries(after).filter(([table, n]) => n !== counts[table]).map(([table, n]) => [table, n - counts[table]]));
    expect(grown).toMatchObject({ articles: 1, categories: 1, sources: 1, images: 1, article_events: 1 });
  });
});
