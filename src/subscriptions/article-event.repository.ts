import type { DataSource } from 'typeorm';
import { backgroundTransaction } from '../db/background-transaction';
import { runSql } from '../db/sql';
import { BACKGROUND_SQL_COMMENT } from '../db/statement-counter';
import { ArticleEventRecord } from './article-event.entity';
import type { ArticleEventKind } from './article-event.types';

export interface EventCriteria {
  kind?: ArticleEventKind;
  language?: string | null;
  categorySlug?: string | null;
  sourceSlug?: string | null;
}

/** Reads the article_events outbox (ArticleEventWrites appends to it inside article writes) and prunes it. */
export class ArticleEventRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Events after `afterId` in id (commit) order; one indexed range read.
   * `background` marks the poller's reads, which no request caused.
   */
  listAfter(afterId: number, limit: number, criteria: EventCriteria = {}, background = false): Promise<ArticleEventRecord[]> {
    const qb = this.dataSource.getRepository(ArticleEventRecord).createQueryBuilder('e').where('e.id > :afterId', { afterId });
    if (criteria.kind) qb.andWhere('e.kind = :kind', { kind: criteria.kind });
    if (criteria.language) qb.andWhere('e.language = :language', { language: criteria.language });
    if (criteria.categorySlug) qb.andWhere('e.category_slug = :categorySlug', { categorySlug: criteria.categorySlug });
    if (criteria.sourceSlug) qb.andWhere('e.source_slug = :sourceSlug', { sourceSlug: criteria.sourceSlug });
    if (background) qb.comment(BACKGROUND_SQL_COMMENT);
    return qb.orderBy('e.id', 'ASC').limit(limit).getMany();
  }

  /** Events up to this id have been pruned: a subscription cannot resume from a cursor below it. */
  async prunedThrough(): Promise<number> {
    const [row] = await runSql<{ pruned_through: number | string }>(this.dataSource, 'SELECT pruned_through FROM article_event_retention WHERE id = 1');
    return Number(row?.pruned_through ?? 0);
  }

  /**
   * Deletes up to `limit` of the oldest events, stopping at the first one
   * created at or after `cutoff`: always a prefix of the outbox, so that
   * "everything up to pruned_through is gone, everything after it is kept"
   * stays exact. Returns how many were deleted.
   */
  async pruneOlderThan(cutoff: Date, limit: number): Promise<number> {
    return backgroundTransaction(this.dataSource, async (manager) => {
      const oldest = await runSql<{ id: number | string; created_at: number | string }>(
        manager,
        'SELECT id, created_at FROM article_events ORDER BY id LIMIT ?',
        [limit],
      );
      let through = 0;
      let count = 0;
      for (const row of oldest) {
        if (Number(row.created_at) >= cutoff.getTime()) break;
        through = Number(row.id);
        count += 1;
      }
      if (count === 0) return 0;
      await runSql(manager, 'DELETE FROM article_events WHERE id <= ?', [through]);
      await runSql(manager, 'UPDATE article_event_retention SET pruned_through = ? WHERE id = 1 AND pruned_through < ?', [through, through]);
      return count;
    });
  }

  async lastId(): Promise<number> {
    const row: { id: number | string | null } | undefined = await this.dataSource
      .getRepository(ArticleEventRecord)
      .createQueryBuilder('e')
      .comment(BACKGROUND_SQL_COMMENT)
      .select('MAX(e.id)', 'id')
      .getRawOne();
    return Number(row?.id ?? 0);
  }
}
