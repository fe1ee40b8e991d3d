import type { EntityManager } from 'typeorm';
import { runSql } from '../db/sql';

/** Queues written articles for the related index, inside the write's transaction (bound to its unit of work). */
export class RelatedQueueWrites {
  constructor(private readonly manager: EntityManager) {}

  /**
   * The write hook's one statement: queue the article (again), with its
   * neighbours to follow. enqueued_at moves on every write, so a bulk drain
   * can tell the row it profiled from a row queued again since (see RelatedIndexer).
   */
  async enqueueChanged(articleId: number, now: Date): Promise<void> {
    await runSql(
      this.manager,
      `INSERT INTO related_queue (article_id, cascade_neighbours, enqueued_at) VALUES (?, TRUE, ?)
       ON CONFLICT (article_id) DO UPDATE SET cascade_neighbours = TRUE,
         enqueued_at = CASE WHEN excluded.enqueued_at > related_queue.enqueued_at THEN excluded.enqueued_at ELSE related_queue.enqueued_at + 1 END`,
      [articleId, now.getTime()],
    );
  }
}
