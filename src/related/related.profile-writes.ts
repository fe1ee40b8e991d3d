import Database from 'better-sqlite3';
import { marks } from '../db/sql';
import type { BuiltPage } from './related.profile-builder';

/** Where the profiling worker writes: the build's SQLite file, and how long its writes wait for the lock. */
export interface SqliteTarget {
  file: string;
  busyTimeoutMs: number;
}

const ROWS_PER_INSERT = 1_000;
const IDS_PER_STATEMENT = 500;

/**
 * The bulk build's pass 2 on SQLite: the profiling worker writes each page
 * of profiles it built (article_terms, and indexed_at moved as
 * BulkIndexStatements.touchIndexed does) on a connection of its own, in one
 * IMMEDIATE transaction a page, instead of handing them to the main thread
 * to write. A page of 2,000 articles is 200,000 rows: written on the main
 * thread they were about 40% of its profiling time while the other core
 * waited (100,000 articles: 18 s of INSERTs in a 50 s pass); here they run
 * beside its reads and its in-memory index. The same rows as
 * BulkIndexStatements.replaceProfiles, each article's in term order (the
 * table's key order: about a fifth cheaper to insert than weight order).
 */
export class ProfileWriter {
  private readonly db: Database.Database;
  // Full-length statements, prepared once. A page's last slices are prepared as they come: their lengths
  // vary from page to page, and a prepared statement of thousands of parameters holds about half a MB.
  private readonly statements = new Map<string, Database.Statement>();

  constructor(target: SqliteTarget) {
    this.db = new Database(target.file);
    // As the data source's connections (src/db/data-source.ts): the file is already in WAL mode.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(target.busyTimeoutMs))}`);
  }

  /** Replaces the profiles of the page's articles, in one transaction. */
  write(page: BuiltPage): void {
    this.db.transaction(() => this.writeRows(page)).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private writeRows(page: BuiltPage): void {
    const ids = Array.from(page.ids);
    for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT) {
      const chunk = ids.slice(start, start + IDS_PER_STATEMENT);
      this.statement(`DELETE FROM article_terms WHERE article_id IN (${marks(chunk.length)})`, chunk.length === IDS_PER_STATEMENT).run(...chunk);
    }
    let params: unknown[] = [];
    for (let article = 0; article < page.ids.length; article++) {
      const id = page.ids[article];
      for (const at of inTermOrder(page, article)) {
        params.push(id, page.terms[at], page.weights[at]);
        if (params.length === ROWS_PER_INSERT * 3) {
          this.statement(FULL_INSERT_SQL, true).run(...params);
          params = [];
        }
      }
    }
    if (params.length) this.statement(insertSql(params.length / 3), false).run(...params);
    for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT) {
      const chunk = ids.slice(start, start + IDS_PER_STATEMENT);
      this.statement(`UPDATE related_index SET indexed_at = indexed_at + 1 WHERE article_id IN (${marks(chunk.length)})`, chunk.length === IDS_PER_STATEMENT).run(...chunk);
    }
  }

  private statement(sql: string, keep: boolean): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (keep) this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** Positions of one article's terms in `page`, by term (any order is correct; this one inserts cheapest). */
function inTermOrder(page: BuiltPage, article: number): number[] {
  const positions: number[] = [];
  for (let at = page.offsets[article]; at < page.offsets[article + 1]; at++) positions.push(at);
  return positions.sort((a, b) => (page.terms[a] < page.terms[b] ? -1 : page.terms[a] > page.terms[b] ? 1 : 0));
}

const insertSql = (rows: number) => `INSERT INTO article_terms (article_id, term, weight) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?)').join(', ')}`;
const FULL_INSERT_SQL = insertSql(ROWS_PER_INSERT);
