import type { DataSource, EntityManager } from 'typeorm';
import { dialectOf, runSql } from '../db/sql';
import { runUnitOfWork, UnitOfWork } from '../db/unit-of-work';
import type { ArticleDraft, ImageDraft } from './article.draft';
import type { Article } from './article.entity';
import type { ArticleStatus } from './article.enums';
import { ARTICLE_COLUMNS, ARTICLE_SUMMARY_COLUMNS, articleFromRow } from './article.row';
import type { BodyBlockData } from './body-block';

/** Who a transaction writes for: the API key behind it (none for the command line). */
export interface WriteActor {
  keyId: number;
  name: string;
}

/** The kinds of change the article history records. */
export type HistoryKind = 'CREATED' | 'UPDATED' | 'PUBLISHED' | 'UNPUBLISHED' | 'ARCHIVED' | 'DELETED';

export interface TransactionOptions {
  actor?: WriteActor | null;
}

/** Opens write transactions. All article writes go through a WriteTx. */
export class ArticleWriteRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction; `afterCommit` callbacks run only once it has committed. */
  transaction<T>(work: (tx: WriteTx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return runUnitOfWork(this.dataSource, (manager) => new WriteTx(manager, options.actor ?? null), work);
  }
}

/** The values of an article row that a write sets. */
export type ArticleRowValues = Omit<Article, 'id' | 'slug' | 'createdAt' | 'version' | 'globalId' | 'updatedBy'>;

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

  constructor(
    manager: EntityManager,
    /** Stamped on every article this transaction writes (updated_by) and on its history rows. */
    readonly actor: WriteActor | null = null,
  ) {
    super(manager);
  }

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
         reading_time_minutes, word_count, canonical_url, content_hash, draft_fingerprint, tags, category_id, source_id, lead_image_id, updated_by)
       VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [slug, createdAt.getTime(), ...rowParams(v, bodyJson), this.actor?.name ?? null],
    );
  }

  async updateArticle(id: number, v: ArticleRowValues, bodyJson: string): Promise<void> {
    await runSql(
      this.manager,
      `UPDATE articles SET version = version + 1, language = ?, title = ?, standfirst = ?, body = ?, body_text = ?, status = ?, published_at = ?,
         updated_at = ?, reading_time_minutes = ?, word_count = ?, canonical_url = ?, content_hash = ?, draft_fingerprint = ?, tags = ?,
         category_id = ?, source_id = ?, lead_image_id = ?, updated_by = ?
       WHERE id = ?`,
      [...rowParams(v, bodyJson), this.actor?.name ?? null, id],
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

  /**
   * The article by id with its body, for an editor's write; on PostgreSQL the
   * row stays locked to the end of the transaction, so two editors saving at
   * once are checked against each other's versions (SQLite has one writer).
   */
  async lockById(id: number): Promise<Article | null> {
    const lock = dialectOf(this.manager) === 'postgres' ? ' FOR UPDATE' : '';
    const [row] = await runSql(this.manager, `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?${lock}`, [id]);
    return row ? articleFromRow(row) : null;
  }

  /** The stored article as a draft (category, source, images included): what an editor's partial update starts from. */
  async draftOf(article: Article): Promise<ArticleDraft> {
    const [category] = article.categoryId == null ? [] : await runSql<{ name: string; slug: string }>(this.manager, 'SELECT name, slug FROM categories WHERE id = ?', [article.categoryId]);
    const [source] = article.sourceId == null ? [] : await runSql<{ name: string; url: string | null }>(this.manager, 'SELECT name, url FROM sources WHERE id = ?', [article.sourceId]);
    const imageColumns = 'i.url, i.caption, i.credit, i.alt, i.width, i.height';
    const [lead] = article.leadImageId == null ? [] : await runSql<ImageRow>(this.manager, `SELECT ${imageColumns} FROM images i WHERE i.id = ?`, [article.leadImageId]);
    const inline = await runSql<ImageRow>(
      this.manager,
      `SELECT ${imageColumns} FROM article_images ai JOIN images i ON i.id = ai.image_id WHERE ai.article_id = ? ORDER BY ai.position`,
      [article.id],
    );
    return {
      language: article.language,
      title: article.title,
      standfirst: article.standfirst,
      body: article.body as BodyBlockData[],
      status: article.status as ArticleStatus,
      publishedAt: article.publishedAt,
      readingTimeMinutes: article.readingTimeMinutes,
      canonicalUrl: article.canonicalUrl,
      tags: article.tags,
      slug: article.slug,
      category: category ? { name: category.name, slug: category.slug } : null,
      source: source ? { name: source.name, url: source.url } : null,
      leadImage: lead ? imageOf(lead) : null,
      inlineImages: inline.map(imageOf),
    };
  }

  async articleIdByCanonicalUrl(url: string): Promise<number | null> {
    const [row] = await runSql<{ id: number }>(this.manager, 'SELECT id FROM articles WHERE canonical_url = ?', [url]);
    return row ? Number(row.id) : null;
  }

  async findCategory(language: string, slug: string): Promise<{ id: number; name: string; slug: string } | null> {
    const [row] = await runSql<{ id: number; name: string; slug: string }>(this.manager, 'SELECT id, name, slug FROM categories WHERE language = ? AND slug = ?', [language, slug]);
    return row ? { ...row, id: Number(row.id) } : null;
  }

  async findSource(slug: string): Promise<{ id: number; name: string; slug: string; url: string | null } | null> {
    const [row] = await runSql<{ id: number; name: string; slug: string; url: string | null }>(this.manager, 'SELECT id, name, slug, url FROM sources WHERE slug = ?', [slug]);
    return row ? { ...row, id: Number(row.id) } : null;
  }

  /** Creates the category, or renames the one with this language and slug; answers its id. */
  async upsertCategory(language: string, slug: string, name: string): Promise<number> {
    const existing = await this.findCategory(language, slug);
    if (!existing) return this.categoryId(language, slug, name);
    await runSql(this.manager, 'UPDATE categories SET name = ? WHERE id = ?', [name, existing.id]);
    return existing.id;
  }

  /** Creates the source, or updates the name and URL of the one with this slug; answers its id. */
  async upsertSource(slug: string, name: string, url: string | null): Promise<number> {
    const existing = await this.findSource(slug);
    if (!existing) return this.sourceId(slug, name, url);
    await runSql(this.manager, 'UPDATE sources SET name = ?, url = ? WHERE id = ?', [name, url, existing.id]);
    return existing.id;
  }

  async setSlug(id: number, slug: string): Promise<void> {
    await runSql(this.manager, 'UPDATE articles SET slug = ? WHERE id = ?', [slug, id]);
  }

  /**
   * Deletes an article and everything that belongs to it only: tags, images,
   * read-more links from and to it, its related lists and its place in others'
   * (cascades), its queue entries. Its events and history stay.
   */
  async deleteArticle(article: Article): Promise<void> {
    await this.removeImagesOf(article);
    for (const sql of [
      'DELETE FROM article_tags WHERE article_id = ?',
      'DELETE FROM article_links WHERE article_id = ? OR target_article_id = ?',
      'DELETE FROM article_related WHERE article_id = ? OR related_id = ?',
      'DELETE FROM article_terms WHERE article_id = ?',
      'DELETE FROM related_index WHERE article_id = ?',
      'DELETE FROM articles WHERE id = ?',
    ]) {
      await runSql(this.manager, sql, sql.includes(' OR ') ? [article.id, article.id] : [article.id]);
    }
  }

  /** One history row for a write made with a key; writes without one (the command line) record none. */
  async appendHistory(articleId: number, version: number, kind: HistoryKind, at: Date): Promise<void> {
    if (!this.actor) return;
    await runSql(this.manager, 'INSERT INTO article_history (article_id, version, kind, key_id, key_name, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
      articleId,
      version,
      kind,
      this.actor.keyId,
      this.actor.name,
      at.getTime(),
    ]);
  }

  private async insertReturningId(sql: string, params: unknown[]): Promise<number> {
    const [row] = await runSql<{ id: number }>(this.manager, sql, params);
    return Number(row.id);
  }
}

type ImageRow = { url: string | null; caption: string | null; credit: string | null; alt: string | null; width: number | null; height: number | null };

function imageOf(row: ImageRow): ImageDraft {
  return { url: row.url, caption: row.caption, credit: row.credit, alt: row.alt, width: row.width == null ? null : Number(row.width), height: row.height == null ? null : Number(row.height) };
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
