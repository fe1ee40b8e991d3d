import type { EntityManager } from 'typeorm';
import { dialectOf, runSql } from '../db/sql';
import type { ArticleEventKind } from './article-event.types';

/**
 * The advisory lock every event writer takes (any constant they share). On PostgreSQL, sequence values are
 * taken at insert time but become visible at commit, so two transactions can
 * commit ids 6 then 5; a reader that has moved past 6 would never see 5.
 * Holding this transaction-level lock from the insert to the commit makes
 * event writers take ids in commit order (the lock is released only after
 * the commit is visible). SQLite has one writer at a time, so it needs none.
 */
const OUTBOX_LOCK_KEY = 0x4842_4556; // "HBEV"

/** Appends to the article_events outbox inside an article write's transaction (bound to its unit of work). */
export class ArticleEventWrites {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Appends an event for the article's current row inside the caller's
   * transaction (one statement copies language and slugs); returns its id.
   */
  async append(kind: ArticleEventKind, articleId: number, at: Date): Promise<number> {
    if (dialectOf(this.manager) === 'postgres') await runSql(this.manager, 'SELECT pg_advisory_xact_lock(?)', [OUTBOX_LOCK_KEY]);
    const rows = await runSql<{ id: number | string }>(
      this.manager,
      `INSERT INTO article_events (kind, article_id, language, category_slug, source_slug, created_at)
       SELECT ?, a.id, a.language, c.slug, s.slug, ?
       FROM articles a
       LEFT JOIN categories c ON c.id = a.category_id
       LEFT JOIN sources s ON s.id = a.source_id
       WHERE a.id = ?
       RETURNING id`,
      [kind, at.getTime(), articleId],
    );
    if (!rows.length) throw new Error(`article ${articleId} vanished inside its own write transaction`);
    return Number(rows[0].id);
  }
}
