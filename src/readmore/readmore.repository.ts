import type { DataSource } from 'typeorm';
import { chunked, marks, runSql } from '../db/sql';

/** An editor's read-more link: another Habari article, or an external page. */
export type CuratedLink = { targetArticleId: number; url: null; title: string | null } | { targetArticleId: null; url: string; title: string };

/** Reads and writes of read-more links (the article lists read more falls back on are ArticleRepository's). */
export class ReadMoreRepository {
  constructor(private readonly dataSource: DataSource) {}

  async curatedLinks(articleIds: readonly number[]): Promise<Array<{ articleId: number; link: CuratedLink }>> {
    const links: Array<{ articleId: number; link: CuratedLink }> = [];
    for (const chunk of chunked(articleIds, 500)) {
      const rows = await runSql(
        this.dataSource,
        `SELECT article_id, target_article_id, url, title FROM article_links WHERE article_id IN (${marks(chunk.length)}) ORDER BY article_id, position`,
        chunk,
      );
      for (const row of rows) {
        const link: CuratedLink =
          row.target_article_id != null
            ? { targetArticleId: Number(row.target_article_id), url: null, title: (row.title as string | null) ?? null }
            : { targetArticleId: null, url: row.url as string, title: row.title as string };
        links.push({ articleId: Number(row.article_id), link });
      }
    }
    return links;
  }

  /** Replaces an article's links, in order, in one transaction. */
  async replaceLinks(articleId: number, links: readonly CuratedLink[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await runSql(manager, 'DELETE FROM article_links WHERE article_id = ?', [articleId]);
      if (!links.length) return;
      await runSql(
        manager,
        `INSERT INTO article_links (article_id, position, target_article_id, url, title) VALUES ${links.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        links.flatMap((link, position) => [articleId, position, link.targetArticleId, link.url, link.title]),
      );
    });
  }
}
