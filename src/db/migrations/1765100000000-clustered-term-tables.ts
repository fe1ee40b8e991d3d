import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SQLite: article_terms and term_stats become WITHOUT ROWID tables, their
 * rows kept in their primary key's order ((article_id, term) and (language,
 * term)). Keyed by text, each was two B-trees, a rowid table and the
 * primary key's index, holding every term twice: a profile row was written
 * three times with the candidate search's term index, a df update twice.
 * These are the two largest tables the related index writes (100 profile rows
 * an article; millions of terms at archive size), and at 1,000,000 articles
 * the count's df updates spent most of their time spilling and checkpointing
 * term_stats pages. Reads by key become one B-tree walk.
 *
 * PostgreSQL's tables are heaps with a primary key index: nothing changes there.
 */
export class ClusteredTermTables1765100000000 implements MigrationInterface {
  name = 'ClusteredTermTables1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type === 'postgres') return;
    await rebuildTermTables(runner, ' WITHOUT ROWID');
  }

  async down(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type === 'postgres') return;
    await rebuildTermTables(runner, '');
  }
}

const TERM_INDEX = 'ix_article_terms_term';

async function rebuildTermTables(runner: QueryRunner, options: string): Promise<void> {
  // The candidate search's index may be absent (a bulk build drops it while it writes profiles, and a
  // stopped build leaves it to the next): it comes back only if it was there.
  const termIndex: unknown[] = await runner.query(`SELECT name FROM sqlite_master WHERE type = 'index' AND name = '${TERM_INDEX}'`);
  await rebuild(
    runner,
    'article_terms',
    `(article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      term VARCHAR(200) NOT NULL,
      weight DOUBLE PRECISION NOT NULL,
      PRIMARY KEY (article_id, term))${options}`,
    'article_id, term, weight',
    'article_id, term',
  );
  if (termIndex.length) await runner.query(`CREATE INDEX ${TERM_INDEX} ON article_terms (term, article_id)`);
  await rebuild(
    runner,
    'term_stats',
    `(language VARCHAR(35) NOT NULL,
      term VARCHAR(200) NOT NULL,
      df INTEGER NOT NULL,
      PRIMARY KEY (language, term))${options}`,
    'language, term, df',
    'language, term',
  );
}

/** Copies `table` into a new one of `definition` (in key order, so the new B-tree is filled front to back), then takes its place. */
async function rebuild(runner: QueryRunner, table: string, definition: string, columns: string, key: string): Promise<void> {
  const next = `${table}_rebuilt`;
  await runner.query(`CREATE TABLE ${next} ${definition}`);
  await runner.query(`INSERT INTO ${next} (${columns}) SELECT ${columns} FROM ${table} ORDER BY ${key}`);
  await runner.query(`DROP TABLE ${table}`);
  await runner.query(`ALTER TABLE ${next} RENAME TO ${table}`);
}
