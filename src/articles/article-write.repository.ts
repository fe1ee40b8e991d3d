import type { DataSource } from 'typeorm';
import { runSql } from '../db/sql';
import { runUnitOfWork, UnitOfWork } from '../db/unit-of-work';
import type { ImageDraft } from './article.draft';
import type { Article } from './article.entity';
import { ARTICLE_SUMMARY_COLUMNS, articleFromRow } from './article.row';

/** Opens write transactions. All article writes go through a WriteTx. */
export class ArticleWriteRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction; `afterCommit` callbacks run only once it has committed. */
  transaction<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    return runUnitOfWork(this.dataSource, (manager) => new WriteTx(manager), work);
  }
}

/** The values of an article row that a write sets. */
export type ArticleRowValues = Omit<Article, 'id' | 'slug' | 'createdAt' | 'version' | 'globalId'>;

/**
 * The unit of work of an article write, with the article statements as
 * constant SQL (see db/sql.ts: bulk import runs these hundreds of thousands
 * of times). Hooks get the other repositories bound to the same transaction
 * through `get`. Category and source ids found by SELECT are remembered for
 * the rest of the transaction: a row that a SELECT saw cannot be undone by a
 * later savepoint rollback, so the memo never points at a missing row.
 */
export class WriteTx extends UnitOfWork {
  private readonly categoryIds = new Map<string, number>();
  private readonly sourceIds = new Map<string, number>();

  /**
   * The stored article a draft would replace, without its body: deciding
   * "unchanged" needs only the fingerprint, and a re-import reads every row.
   */
  async findByCanonicalUrl(url: string): Promise<Article | null> {
    const [row] = await runSql(this.manager, `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM articles a WHERE a.canonical_url = ?`, [url]);
    return row ? articleFromRow(row) : null;
  }

  async findByContentHash(language: string, contentHash: string): Promise<Article | null> {
    const [row] = await runSql(
      this.manager,
      `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM articles a WHERE a.content_hash = ? AND a.language = ? ORDER BY a.id LIMIT 1`,
      [contentHash, language],
    );
    return row ? articleFromRow(row) : null;
  }

  async slugTaken(language: string, slug: string, exceptId: number | null): Promise<boolean> {
    const [row] = await runSql<{ id: number }>(this.manager, 'SELECT id FROM articles WHERE language = ? AND slug = ?', [language, slug]);
    return row != null && Number(row.id) !== exceptId;
  }

  async categoryId(language: string, slug: string, name: string): Promise<number> {
    const key = `${language}\u0000${slug}`;
    const known = this.categoryIds.get(key);
    if (known !== undefined) return known;
    const [row] = await runSql<{ id: number }>(this.manager, 'SELECT id FROM categories WHERE language = ? AND slug = ?', [language, slug]);
    if (row) {
      this.categoryIds.set(key, Number(row.id));
      return Number(row.id);
    }
    return this.insertReturningId('INSERT INTO categories (language, slug, name) VALUES (?, ?, ?) RETURNING id', [language, slug, name]);
  }

  async sourceId(slug: string, name: string, url: string | null): Promise<number> {
    const known = this.sourceIds.get(slug);
    if (known !== undefined) return known;
    const [row] = await runSql<{ id: number }>(this.manager, 'SELECT id FROM sources WHERE slug = ?', [slug]);
    if (row) {
      this.sourceIds.set(slug, Number(row.id));
      return Number(row.id);
    }
    return this.insertReturningId('INSERT INTO sources (slug, name, url) VALUES (?, ?, ?) RETURNING id', [slug, name, url]);
  }

  insertImage(image: ImageDraft): Promise<number> {
    return this.insertReturningId('INSERT INTO images (url, caption, credit, alt, width, height) VALUES (?, ?, ?, ?, ?, ?) RETURNING id', [
      image.url ?? null,
      image.caption ?? null,
      image.credit ?? null,
      image.alt ?? null,
      image.width ?? null,
      image.height ?? null,
    ]);
  }

  /** `bodyJson`: the body as stored (PreparedDraft.bodyJson). */
  insertArticle(slug: string, createdAt: Date, v: ArticleRowValues, bodyJson: string): Promise<number> {
    return this.insertReturningId(
      `INSERT INTO articles (slug, created_at, version, language, title, standfirst, body, body_text, status, published_at, updated_at,
         reading_time_minutes, word_count, canonical_url, content_hash, draft_fingerprint, tags, category_id, source_id, lead_image_id)
       VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [slug, createdAt.getTime(), ...rowParams(v, bodyJson)],
    );
  }

  async updateArticle(id: number, v: ArticleRowValues, bodyJson: string): Promise<void> {
    await runSql(
      this.manager,
      `UPDATE articles SET version = version + 1, language = ?, title = ?, standfirst = ?, body = ?, body_text = ?, status = ?, published_at = ?,
         updated_at = ?, reading_time_minutes = ?, word_count = ?, canonical_url = ?, content_hash = ?, draft_fingerprint = ?, tags = ?,
         category_id = ?, source_id = ?, lead_image_id = ?
       WHERE id = ?`,
      [...rowParams(v, bodyJson), id],
    );
  }

  /** Removes an article's images (lead and inline); they belong to that article only. */
  async removeImagesOf(article: Article): Promise<void> {
    const links = await runSql<{ image_id: number }>(this.manager, 'SELECT image_id FROM article_images WHERE article_id = ?', [article.id]);
    const imageIds = links.map((l) => Number(l.image_id));
    if (links.length) await runSql(this.manager, 'DELETE FROM article_images WHERE article_id = ?', [article.id]);
    if (article.leadImageId != null) {
      await runSql(this.manager, 'UPDATE articles SET lead_image_id = NULL WHERE id = ?', [article.id]);
      imageIds.push(article.leadImageId);
    }
    for (const id of imageIds) await runSql(this.manager, 'DELETE FROM images WHERE id = ?', [id]);
  }

  async insertInlineImages(articleId: number, imageIds: number[]): Promise<void> {
    for (const [position, imageId] of imageIds.entries()) {
      await runSql(this.manager, 'INSERT INTO article_images (article_id, position, image_id) VALUES (?, ?, ?)', [articleId, position, imageId]);
    }
  }

  async replaceTags(articleId: number, tags: string[], isNew: boolean): Promise<void> {
    if (!isNew) await runSql(this.manager, 'DELETE FROM article_tags WHERE article_id = ?', [articleId]);
    for (const tag of tags) await runSql(this.manager, 'INSERT INTO article_tags (article_id, tag) VALUES (?, ?)', [articleId, tag]);
  }

  private async insertReturningId(sql: string, params: unknown[]): Promise<number> {
    const [row] = await runSql<{ id: number }>(this.manager, sql, params);
    return Number(row.id);
  }
}

function rowParams(v: ArticleRowValues, bodyJson: string): unknown[] {
  return [
    v.language,
    v.title,
    v.standfirst,
    bodyJson,
    v.bodyText,
    v.status,
    v.publishedAt?.getTime() ?? null,
    v.updatedAt.getTime(),
    v.readingTimeMinutes,
    v.wordCount,
    v.canonicalUrl,
    v.contentHash,
    v.draftFingerprint,
    JSON.stringify(v.tags),
    v.categoryId,
    v.sourceId,
    v.leadImageId,
  ];
}
