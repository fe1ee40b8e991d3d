import type { Core } from '../src/composition-root';
import { RelatedIndexByLanguage1765200000000, RELATED_INDEX_BY_LANGUAGE } from '../src/db/migrations/1765200000000-related-index-by-language';
import { indexLookupSql, runSql } from '../src/db/sql';
import { BulkIndexStatements } from '../src/related/related.index-writes';
import { openIndexedArchive, runMigration } from './helpers/indexed-archive';
import { testDialect, type TestDatabase } from './helpers/test-database';

/**
 * RelatedIndexByLanguage: the bulk build's profiling pages (one language's
 * indexed ids, by id) read an index instead of sweeping every language's
 * rows; the migration goes down and up on an indexed archive, and the pages
 * read the same ids either way.
 */
describe('related_index by language (migration)', () => {
  let db: TestDatabase;
  let core: Core;
  const sql = (text: string, params: unknown[] = []) => runSql<any>(core.dataSource, text, params);
  const run = (step: 'up' | 'down') => runMigration(core, new RelatedIndexByLanguage1765200000000(), step);
  const indexExists = async () => (await sql(indexLookupSql(testDialect), [RELATED_INDEX_BY_LANGUAGE])).length > 0;
  // Every language's ids, a page of 7 at a time, as the profiling pass reads them.
  const pages = () =>
    core.repositories.related.transaction(async (unit) => {
      const statements = unit.get(BulkIndexStatements);
      const ids: Record<string, number[]> = {};
      for (const language of ['am', 'en', 'fr', 'ha', 'so', 'sw']) {
        ids[language] = [];
        for (let page = await statements.indexedIds(0, 7, language); page.length; page = await statements.indexedIds(page[page.length - 1], 7, language)) {
          ids[language].push(...page);
        }
      }
      return ids;
    });

  beforeAll(async () => ({ db, core } = await openIndexedArchive()), 300_000);
  afterAll(async () => {
    await core.close();
    await db.drop();
  });

  it('reads each language by id from the index, and the same ids without it', async () => {
    expect(await indexExists()).toBe(true);
    const withIndex = await pages();
    const everyId = (await sql('SELECT article_id, language FROM related_index ORDER BY article_id')) as Array<{ article_id: number; language: string }>;
    expect(Object.values(withIndex).flat().length).toBe(everyId.length);
    for (const [language, ids] of Object.entries(withIndex)) {
      expect(ids).toEqual(everyId.filter((row) => row.language === language).map((row) => Number(row.article_id)));
    }
    if (testDialect === 'sqlite') {
      const plan = await sql('EXPLAIN QUERY PLAN SELECT article_id FROM related_index WHERE language = ? AND article_id > ? ORDER BY article_id LIMIT ?', ['sw', 0, 7]);
      expect(plan.map((row: any) => row.detail).join(' ')).toContain(`USING COVERING INDEX ${RELATED_INDEX_BY_LANGUAGE}`);
    }
    await run('down');
    expect(await indexExists()).toBe(false);
    expect(await pages()).toEqual(withIndex);
    await run('up');
    expect(await indexExists()).toBe(true);
    expect(await pages()).toEqual(withIndex);
  }, 120_000);
});
