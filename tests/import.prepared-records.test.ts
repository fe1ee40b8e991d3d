import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDraft } from '../src/articles/article.prepare';
import { openCore, type Core } from '../src/composition-root';
import type { ImportRecord } from '../src/importing/import.types';
import { preparedRecords } from '../src/importing/prepared-records';
import { tsvRecords } from '../src/importing/tsv.records';
import { readCorpusRows, writeTsv } from '../bench/import/synthetic-tsv';
import { articleDraft } from './factories/article.factory';
import { ensureBuilt } from './helpers/cli';
import { createTestDatabase, testConfig, type TestDatabase } from './helpers/test-database';

const CORPUS = path.resolve(__dirname, '..', 'corpus', 'masakhanews-hau-dev.tsv');
const OPTIONS = { language: 'ha' as const, sourceName: 'BBC Hausa', publish: true, urlBase: 'https://www.bbc.com' };

async function collect(records: AsyncIterable<ImportRecord>): Promise<ImportRecord[]> {
  const all: ImportRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}

/** preparedRecords runs the compiled worker (dist), which `npm test` builds first. */
describe('preparedRecords (TSV read and prepared on a worker thread)', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-prepared-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('yields, in order, exactly what reading and preparing on this thread gives', async () => {
    const rows = await readCorpusRows(CORPUS);
    const file = path.join(dir, 'mixed.tsv');
    // A row without text and one with a relative url: failures with their lines, as tsvRecords reports them.
    await writeTsv(file, [...rows.slice(0, 40), { ...rows[40], text: ' ' }, ...rows.slice(41, 80)]);
    const onThread: ImportRecord[] = [];
    for await (const record of tsvRecords(file, fs.createReadStream(file), OPTIONS)) {
      onThread.push('error' in record ? record : { ref: record.ref, prepared: prepareDraft(record.draft, { withSearchDocument: true }) });
    }
    const bytes: number[] = [];
    const fromWorker = await collect(preparedRecords([{ file, options: OPTIONS }], { batchSize: 7, onBytesRead: (_file, read) => bytes.push(read) }));
    expect(fromWorker).toHaveLength(80);
    // The worker leaves the search words to the writer when the writer would
    // otherwise wait (see prepare.worker.ts): where it has them, they are the same.
    const withoutSearchWords = (records: ImportRecord[]) =>
      records.map((record) => ('prepared' in record ? { ...record, prepared: { ...record.prepared, searchDocument: undefined } } : record));
    expect(withoutSearchWords(fromWorker)).toEqual(withoutSearchWords(onThread));
    fromWorker.forEach((record, index) => {
      const expected = onThread[index];
      if ('prepared' in record && record.prepared.searchDocument && 'prepared' in expected) {
        expect(record.prepared.searchDocument).toEqual(expected.prepared.searchDocument);
      }
    });
    expect(fromWorker.filter((record) => 'error' in record)).toEqual([expect.objectContaining({ error: 'empty text' })]);
    expect(bytes.at(-1)).toBe(fs.statSync(file).size);
  });

  it('works out the search words itself while the writer is busy', async () => {
    const slowWriter: ImportRecord[] = [];
    for await (const record of preparedRecords([{ file: CORPUS, options: OPTIONS }], { batchSize: 10 })) {
      slowWriter.push(record);
      if (slowWriter.length % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 25));
      if (slowWriter.length === 200) break;
    }
    const withWords = slowWriter.filter((record) => 'prepared' in record && record.prepared.searchDocument);
    expect(withWords.length).toBeGreaterThan(100);
    for (const record of withWords) {
      if (!('prepared' in record)) continue;
      const { draft } = record.prepared;
      expect(record.prepared.searchDocument).toEqual(prepareDraft(draft, { withSearchDocument: true }).searchDocument);
    }
  });

  it('maps category labels through the names it is given', async () => {
    const [first] = await collect(preparedRecords([{ file: CORPUS, options: OPTIONS, categoryNames: { politics: 'Siyasa', sports: 'Wasanni', health: 'Lafiya', business: 'Kasuwanci', entertainment: 'Nishadi', religion: 'Addini', technology: 'Fasaha' } }]));
    expect('prepared' in first && first.prepared.draft.category?.name).toMatch(/^(Siyasa|Wasanni|Lafiya|Kasuwanci|Nishadi|Addini|Fasaha)$/);
  });

  it('stops its thread when the reader stops early', async () => {
    const taken: ImportRecord[] = [];
    for await (const record of preparedRecords([{ file: CORPUS, options: OPTIONS }], { batchSize: 5 })) {
      taken.push(record);
      if (taken.length === 3) break;
    }
    expect(taken).toHaveLength(3);
  });

  it('fails with the file system error for a file that is not there', async () => {
    await expect(collect(preparedRecords([{ file: path.join(dir, 'missing.tsv'), options: OPTIONS }]))).rejects.toThrow(/ENOENT/);
  });
});

/**
 * Search index writes run just before COMMIT (WriteTx.beforeCommit); an
 * article whose savepoint rolls back must leave nothing in the index.
 */
describe('search indexing at the end of the write transaction', () => {
  let db: TestDatabase;
  let core: Core;
  beforeAll(async () => {
    db = await createTestDatabase();
    core = await openCore(testConfig(db.database));
  });
  afterAll(async () => {
    await core.close();
    await db.drop();
  });

  const hits = async (word: string) => (await core.services.search.search(word, 'sw', {}, 10, null)).edges.map((edge) => edge.node.article.title);

  it('indexes the articles that committed and none whose savepoint rolled back', async () => {
    const kept = articleDraft({ title: 'Kiboko aonekana mjini', body: [{ type: 'PARAGRAPH', text: 'Kiboko mkubwa alionekana karibu na soko.' }] });
    const dropped = articleDraft({ title: 'Pundamilia wa ajabu', body: [{ type: 'PARAGRAPH', text: 'Pundamilia mwenye mistari ya bluu.' }] });
    await core.repositories.writes.transaction(async (tx) => {
      await tx.savepoint(() => core.services.writer.upsert(tx, kept));
      await expect(
        tx.savepoint(async () => {
          await core.services.writer.upsert(tx, dropped);
          throw new Error('a later step of this article failed');
        }),
      ).rejects.toThrow('a later step');
      // Nothing is in the index before COMMIT: the writes are deferred.
      expect(await hits('kiboko')).toEqual([]);
    });
    expect(await hits('kiboko')).toEqual(['Kiboko aonekana mjini']);
    expect(await hits('pundamilia')).toEqual([]);
  });

  it('lets FTS5 merge segments less eagerly (automerge 8), which makes bulk indexing cheaper', async () => {
    if (core.dataSource.options.type === 'postgres') return; // GIN has no such setting
    const [row] = await core.dataSource.query(`SELECT v FROM article_search_config WHERE k = 'automerge'`);
    expect(Number(row.v)).toBe(8);
  });

  it('leaves the index untouched when the whole transaction rolls back', async () => {
    await expect(
      core.repositories.writes.transaction(async (tx) => {
        await core.services.writer.upsert(tx, articleDraft({ title: 'Nyati wa Serengeti', body: [{ type: 'PARAGRAPH', text: 'Nyati walihama.' }] }));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await hits('nyati')).toEqual([]);
  });
});
