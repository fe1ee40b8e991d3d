import { Article } from './article.entity';
import type { ArticleStatus } from './article.enums';

/**
 * Every column but the body: what lists read. Bodies are most of a row's
 * bytes and lists rarely show them, so they load on demand (articleBody loader).
 */
export const ARTICLE_SUMMARY_COLUMNS =
  'a.id, a.slug, a.language, a.title, a.standfirst, a.status, a.published_at, a.created_at, a.updated_at,' +
  ' a.reading_time_minutes, a.word_count, a.canonical_url, a.content_hash, a.draft_fingerprint, a.tags, a.version,' +
  ' a.category_id, a.source_id, a.lead_image_id';

/** Columns of a full article row, in one place for every hand-written SELECT. */
export const ARTICLE_COLUMNS = `${ARTICLE_SUMMARY_COLUMNS}, a.body, a.body_text`;

type Row = Record<string, unknown>;

const int = (value: unknown): number => Number(value);
const nullableInt = (value: unknown): number | null => (value == null ? null : Number(value));
const date = (value: unknown): Date => new Date(Number(value));

/**
 * A database row (either dialect) as an Article entity; PostgreSQL returns
 * BIGINT as text. Rows read with the summary columns leave `body` and
 * `bodyText` undefined (the indexer's rows add `body_text` alone).
 */
export function articleFromRow(row: Row): Article {
  const article = new Article();
  article.id = int(row.id);
  article.slug = row.slug as string;
  article.language = row.language as string;
  article.title = row.title as string;
  article.standfirst = (row.standfirst as string | null) ?? null;
  if (row.body !== undefined) article.body = JSON.parse(row.body as string);
  if (row.body_text !== undefined) article.bodyText = row.body_text as string;
  article.status = row.status as ArticleStatus;
  article.publishedAt = row.published_at == null ? null : date(row.published_at);
  article.createdAt = date(row.created_at);
  article.updatedAt = date(row.updated_at);
  article.readingTimeMinutes = int(row.reading_time_minutes);
  article.wordCount = int(row.word_count);
  article.canonicalUrl = (row.canonical_url as string | null) ?? null;
  article.contentHash = row.content_hash as string;
  article.draftFingerprint = (row.draft_fingerprint as string | null) ?? null;
  article.tags = JSON.parse(row.tags as string);
  article.version = int(row.version);
  article.categoryId = nullableInt(row.category_id);
  article.sourceId = nullableInt(row.source_id);
  article.leadImageId = nullableInt(row.lead_image_id);
  return article;
}
