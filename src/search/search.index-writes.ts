import type { EntityManager } from 'typeorm';
import { dialectOf, runSql } from '../db/sql';
import { toTsVectorLiteral, type SearchDocument } from './search.document';

/**
 * Writes to the search index inside an article write's transaction (a
 * repository bound to its unit of work). SQLite: the contentless FTS5 table;
 * PostgreSQL: the tsvector row. Terms come from our tokenizer, never from
 * the database's parser, so both match the same words.
 */
export class SearchIndexWrites {
  constructor(private readonly manager: EntityManager) {}

  /** `replaces`: the article may be indexed already (a new one cannot be: ids are never reused). */
  async index(articleId: number, document: SearchDocument, replaces = true): Promise<void> {
    if (dialectOf(this.manager) === 'postgres') {
      await runSql(
        this.manager,
        'INSERT INTO article_search (article_id, document) VALUES (?, CAST(? AS tsvector)) ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document',
        [articleId, toTsVectorLiteral(document)],
      );
      return;
    }
    if (replaces) await runSql(this.manager, 'DELETE FROM article_search WHERE rowid = ?', [articleId]);
    await runSql(this.manager, 'INSERT INTO article_search (rowid, title, standfirst, body) VALUES (?, ?, ?, ?)', [
      articleId,
      document.title,
      document.standfirst,
      document.body,
    ]);
  }

  async remove(articleId: number): Promise<void> {
    const sql = dialectOf(this.manager) === 'postgres' ? 'DELETE FROM article_search WHERE article_id = ?' : 'DELETE FROM article_search WHERE rowid = ?';
    await runSql(this.manager, sql, [articleId]);
  }
}
