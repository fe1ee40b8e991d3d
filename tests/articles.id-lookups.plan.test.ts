import type { QueryRunner } from 'typeorm';
import { ArticleRepository } from '../src/articles/article.repository';
import { openDatabase } from '../src/db/data-source';
import { StatementCounter } from '../src/db/statement-counter';
import { SearchRepository } from '../src/search/search.repository';
import { createTestDatabase, testDialect, type TestDatabase } from './helpers/test-database';

/** Keeps every statement's SQL as well as counting them. */
class StatementRecorder extends StatementCounter {
  readonly statements: string[] = [];

  override logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    this.statements.push(query);
    super.logQuery(query, parameters, queryRunner);
  }
}

/**
 * Loads of published articles by id (related lists, read more, every
 * DataLoader of articles) must find rows by primary key. SQLite plans
 * without table statistics unless ANALYZE ran, and once planned an
 * `id IN (...) AND status = ?` lookup through the status index, walking
 * every published article's entry: 100-180 ms a related list at 1,000,000
 * articles. The plan is checked, not the time, so the test holds on any
 * machine and any archive size.
 */
(testDialect === 'sqlite' ? describe : describe.skip)('article loads by id use the primary key, and search a covering index, on SQLite', () => {
  let db: TestDatabase;
  let recorder: StatementRecorder;
  let dataSource: Awaited<ReturnType<typeof openDatabase>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    recorder = new StatementRecorder();
    dataSource = await openDatabase(db.database, { counter: recorder });
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  // A related list asks for a dozen or more ids at once: without statistics SQLite guesses that an
  // equality on an index's first column matches about 10 rows, so from about 10 ids on it chose the
  // status index over as many primary-key lookups.
  const ids = Array.from({ length: 20 }, (_, i) => 20 - i);
  it.each([
    ['findPublishedByIds', (articles: ArticleRepository) => articles.findPublishedByIds(ids)],
    ['findPublishedSummaries', (articles: ArticleRepository) => articles.findPublishedSummaries(ids)],
  ])('%s', async (_name, load) => {
    recorder.statements.length = 0;
    await load(new ArticleRepository(dataSource));
    const lookups = recorder.statements.filter((sql) => /FROM articles a WHERE a\.id IN/.test(sql));
    expect(lookups).toHaveLength(1);
    // The plan does not depend on the values bound.
    const values = Array.from(lookups[0].matchAll(/\?/g), () => 1);
    const plan: Array<{ detail: string }> = await dataSource.query(`EXPLAIN QUERY PLAN ${lookups[0]}`, values);
    expect(plan.map((step) => step.detail)).toEqual([expect.stringMatching(/USING INTEGER PRIMARY KEY \(rowid=\?\)/)]);
  });

  // Search keeps the first 5,000 full-text matches its filter admits: read from each article's row
  // (rows carry their bodies), that was a page per match, 230-600 ms a query on a cold cache at
  // 1,000,000 articles; the filter columns come from a covering index by id instead.
  it.each([
    ['ranking, with a language', (search: SearchRepository) => search.rank(['habari'], { language: 'sw' }, 10, 0)],
    ['ranking, any language, one category', (search: SearchRepository) => search.rank(['habari'], { categoryId: 3 }, 10, 0)],
    ['counting', (search: SearchRepository) => search.count(['habari'], { language: 'sw', sourceId: 2 })],
  ])('search %s reads the filter columns from the covering index', async (_name, run) => {
    recorder.statements.length = 0;
    await run(new SearchRepository(dataSource));
    const [statement] = recorder.statements.filter((sql) => /article_search MATCH/.test(sql));
    const values = Array.from(statement.matchAll(/\?/g), (_, at) => (at === 0 ? 'habari' : 1));
    const plan: Array<{ detail: string }> = await dataSource.query(`EXPLAIN QUERY PLAN ${statement}`, values);
    const articleSteps = plan.map((step) => step.detail).filter((detail) => / a /.test(`${detail} `));
    expect(articleSteps).toEqual([expect.stringMatching(/^SEARCH a USING COVERING INDEX ix_articles_filters_by_id \(id=\?/)]);
  });
});
