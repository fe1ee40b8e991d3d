import { ArticleOrder, ArticleStatus } from './article.enums';
import type { PageRequest } from '../pagination/page-request';

export interface ArticleListFilter {
  /** PUBLISHED unless given; other statuses are for editors only (the service checks). */
  status?: ArticleStatus | null;
  language?: string | null;
  categorySlug?: string | null;
  sourceSlug?: string | null;
  tag?: string | null;
  publishedAfter?: Date | null;
  publishedBefore?: Date | null;
  categoryId?: number | null;
  sourceId?: number | null;
}

/** The column and direction behind each public ordering; ties break on id the same way. */
export const ORDER_COLUMNS: Readonly<Record<ArticleOrder, { column: 'published_at' | 'updated_at'; descending: boolean }>> = {
  [ArticleOrder.PUBLISHED_AT_DESC]: { column: 'published_at', descending: true },
  [ArticleOrder.PUBLISHED_AT_ASC]: { column: 'published_at', descending: false },
  [ArticleOrder.UPDATED_AT_DESC]: { column: 'updated_at', descending: true },
};

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** WHERE clause of the lists: published only (or the editor's status), then each filter given. Matches the (…, status, published_at, id) indexes. */
export function publishedWhere(filter: ArticleListFilter): SqlFragment {
  const clauses = ['a.status = ?'];
  const params: unknown[] = [filter.status ?? ArticleStatus.PUBLISHED];
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  if (filter.language) add('a.language = ?', filter.language);
  if (filter.categoryId != null) add('a.category_id = ?', filter.categoryId);
  if (filter.sourceId != null) add('a.source_id = ?', filter.sourceId);
  if (filter.categorySlug) {
    if (filter.language) add('a.category_id IN (SELECT c.id FROM categories c WHERE c.slug = ? AND c.language = ?)', filter.categorySlug, filter.language);
    else add('a.category_id IN (SELECT c.id FROM categories c WHERE c.slug = ?)', filter.categorySlug);
  }
  if (filter.sourceSlug) add('a.source_id IN (SELECT s.id FROM sources s WHERE s.slug = ?)', filter.sourceSlug);
  if (filter.tag) add('EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag = ?)', filter.tag);
  if (filter.publishedAfter) add('a.published_at > ?', filter.publishedAfter.getTime());
  if (filter.publishedBefore) add('a.published_at < ?', filter.publishedBefore.getTime());
  return { sql: clauses.join(' AND '), params };
}

/** One keyset page; reads limit + 1 rows so the caller knows whether more exist. */
export function articlePageSql(columns: string, filter: ArticleListFilter, order: ArticleOrder, page: PageRequest): SqlFragment {
  const { column: name, descending } = ORDER_COLUMNS[order];
  // Drafts may have no publication date yet: they sort as 0, as their cursors say (orderValue).
  const column = name === 'published_at' && filter.status != null && filter.status !== ArticleStatus.PUBLISHED ? 'COALESCE(a.published_at, 0)' : `a.${name}`;
  // Walking backward reads the opposite direction; the service reverses the rows.
  const readDescending = page.direction === 'forward' ? descending : !descending;
  const where = publishedWhere(filter);
  const params = [...where.params];
  let sql = `SELECT ${columns} FROM articles a WHERE ${where.sql}`;
  if (page.cursor) {
    const op = readDescending ? '<' : '>';
    sql += ` AND (${column} ${op} ? OR (${column} = ? AND a.id ${op} ?))`;
    params.push(page.cursor.value, page.cursor.value, page.cursor.id);
  }
  const direction = readDescending ? 'DESC' : 'ASC';
  sql += ` ORDER BY ${column} ${direction}, a.id ${direction} LIMIT ${page.limit + 1}`;
  return { sql, params };
}
