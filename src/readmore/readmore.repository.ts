import type { DataSource } from 'typeorm';
import type { Article } from '../articles/article.entity';
import { ArticleStatus } from '../articles/article.enums';
import { ARTICLE_COLUMNS, ARTICLE_SUMMARY_COLUMNS, articleFromRow } from '../articles/article.row';
import { chunked, marks, runSql } from '../db/sql';

/** An editor's read-more link: another Habari article, or an external page. */
export type CuratedLink = { targetArticleId: number; url: null; title: string | null } | { targetArticleId: null; url: string; title: string };

/** Latest published articles of a language, or of one category in it. */
export interface LatestScope {
  language: string;
  categoryId: number | null;
  limit: number;
}

export type Direction = 'newer' | 'older';

/** Reads and writes of read-more links, and the article lists read more falls back on. */
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

  /** Any status: editors curate drafts too. */
  async findArticle(id: number): Promise<Article | null> {
    const [row] = await runSql(this.dataSource, `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?`, [id]);
    return row ? articleFromRow(row) : null;
  }

  async existingArticleIds(ids: readonly number[]): Promise<Set<number>> {
    if (!ids.length) return new Set();
    const rows = await runSql<{ id: number }>(this.dataSource, `SELECT id FROM articles WHERE id IN (${marks(ids.length)})`, [...ids]);
    return new Set(rows.map((row) => Number(row.id)));
  }

  /** Each scope's latest published articles, newest first: one statement, one indexed range per scope. */
  async latest(scopes: readonly LatestScope[]): Promise<Article[][]> {
    const parts = scopes.map(
      (scope, index) =>
        `SELECT * FROM (SELECT CAST(? AS INTEGER) AS scope_index, ${ARTICLE_SUMMARY_COLUMNS} FROM articles a
         WHERE ${scope.categoryId == null ? '' : 'a.category_id = ? AND '}a.language = ? AND a.status = ?
         ORDER BY a.published_at DESC, a.id DESC LIMIT ?) s${index}`,
    );
    const params = scopes.flatMap((scope, index) => [index, ...(scope.categoryId == null ? [] : [scope.categoryId]), scope.language, ArticleStatus.PUBLISHED, scope.limit]);
    const rows = await runSql(this.dataSource, parts.join(' UNION ALL '), params);
    const lists = scopes.map((): Article[] => []);
    for (const row of rows) lists[Number(row.scope_index)].push(articleFromRow(row));
    for (const list of lists) list.sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime() || b.id - a.id);
    return lists;
  }

  /**
   * For each article, the next newer (or older) published article of its
   * category and language by (published_at, id). Articles without a category
   * or a date have none.
   */
  async adjacent(articles: readonly Article[], direction: Direction): Promise<Array<Article | null>> {
    const [op, order] = direction === 'newer' ? ['>', 'ASC'] : ['<', 'DESC'];
    const asked = articles.map((article, index) => ({ article, index })).filter(({ article }) => article.categoryId != null && article.publishedAt != null);
    const result: Array<Article | null> = articles.map(() => null);
    if (!asked.length) return result;
    const parts = asked.map(
      ({ index }) =>
        `SELECT * FROM (SELECT CAST(? AS INTEGER) AS scope_index, ${ARTICLE_SUMMARY_COLUMNS} FROM articles a
         WHERE a.category_id = ? AND a.language = ? AND a.status = ? AND (a.published_at ${op} ? OR (a.published_at = ? AND a.id ${op} ?))
         ORDER BY a.published_at ${order}, a.id ${order} LIMIT 1) s${index}`,
    );
    const params = asked.flatMap(({ article, index }) => {
      const at = article.publishedAt!.getTime();
      return [index, article.categoryId, article.language, ArticleStatus.PUBLISHED, at, at, article.id];
    });
    for (const row of await runSql(this.dataSource, parts.join(' UNION ALL '), params)) result[Number(row.scope_index)] = articleFromRow(row);
    return result;
  }
}
