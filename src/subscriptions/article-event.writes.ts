import type { EntityManager } from 'typeorm';
import { runSql } from '../db/sql';
import { holdWriterLock, WriterLock } from '../db/writer-locks';
import { ArticleEventRecord } from './article-event.entity';
import type { ArticleEventKind } from './article-event.types';


/** Appends to the article_events outbox inside an article write's transaction (bound to its unit of work). */
export class ArticleEventWrites {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Appends an event for the article's current row inside the caller's
   * transaction (one statement copies language and slugs, and those of
   * `previous`, where it was when it was public before); returns the row.
   */
  async append(kind: ArticleEventKind, articleId: number, at: Date, previous: PreviousScope | null = null): Promise<ArticleEventRecord> {
    // On PostgreSQL, sequence values are taken at insert time but become visible at commit, so two
    // transactions can commit ids 6 then 5, and a reader that has moved past 6 would never see 5.
    // Holding this lock from the insert to the commit makes event writers take ids in commit order.
    await holdWriterLock(this.manager, WriterLock.outbox);
    const rows = await runSql<Record<string, unknown>>(
      this.manager,
      `INSERT INTO article_events (kind, article_id, language, category_slug, source_slug, created_at,
                                   previous_language, previous_category_slug, previous_source_slug)
       SELECT ?, a.id, a.language, c.slug, s.slug, ?,
              ?, (SELECT pc.slug FROM categories pc WHERE pc.id = ?), (SELECT ps.slug FROM sources ps WHERE ps.id = ?)
       FROM articles a
       LEFT JOIN categories c ON c.id = a.category_id
       LEFT JOIN sources s ON s.id = a.source_id
       WHERE a.id = ?
       RETURNING id, article_id, language, category_slug, source_slug, previous_language, previous_category_slug, previous_source_slug`,
      [kind, at.getTime(), previous?.language ?? null, previous?.categoryId ?? null, previous?.sourceId ?? null, articleId],
    );
    if (!rows.length) throw new Error(`article ${articleId} vanished inside its own write transaction`);
    const row = rows[0];
    return Object.assign(new ArticleEventRecord(), {
      id: Number(row.id),
      kind,
      articleId: Number(row.article_id),
      language: row.language as string,
      categorySlug: (row.category_slug as string | null) ?? null,
      sourceSlug: (row.source_slug as string | null) ?? null,
      previousLanguage: (row.previous_language as string | null) ?? null,
      previousCategorySlug: (row.previous_category_slug as string | null) ?? null,
      previousSourceSlug: (row.previous_source_slug as string | null) ?? null,
      createdAt: at,
    });
  }
}

/** Where an article was (ids; the outbox stores their slugs). */
export interface PreviousScope {
  language: string;
  categoryId: number | null;
  sourceId: number | null;
}
