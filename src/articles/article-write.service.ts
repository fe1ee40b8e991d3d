import { deriveReadingTimeMinutes } from '../languages/reading-time';
import type { SearchDocument } from '../search/search.document';
import type { ArticleDraft } from './article.draft';
import { prepareDraft, type PreparedDraft } from './article.prepare';
import { Article } from './article.entity';
import { ArticleStatus, isPublished } from './article.enums';
import type { ArticleRowValues, WriteTx } from './article-write.repository';
import { slugify } from './slugify';

export type WriteOutcome = 'created' | 'updated' | 'unchanged' | 'deleted';

/** What a write did to public visibility; subscriptions and the related index follow it. */
export interface ArticleChange {
  /** As written; for `unchanged`, the stored row without `body`/`bodyText` (the GraphQL fields load them). */
  article: Article;
  outcome: WriteOutcome;
  wasPublished: boolean;
  isPublished: boolean;
  /** The status before the write; null for a new article. */
  previousStatus: ArticleStatus | null;
  /** The stored row before an update (summary columns): where the article was, for whoever must forget it there. */
  previous?: Article | null;
  /** The article's search words when they were worked out with the draft (see PreparedDraft). */
  searchDocument?: SearchDocument;
}

/** Runs inside the write transaction: a hook's writes commit or roll back with the article. */
export type ArticleChangeHook = (tx: WriteTx, change: ArticleChange) => Promise<void>;

/**
 * The rules of writing an article: identity (canonical URL, else content
 * hash), idempotency (same input -> unchanged), slugs, derived fields, and
 * one transaction with its category, source and images.
 */
export class ArticleWriteService {
  constructor(private readonly hooks: readonly ArticleChangeHook[] = []) {}

  async upsert(tx: WriteTx, draft: ArticleDraft, now = new Date()): Promise<ArticleChange> {
    return this.upsertPrepared(tx, prepareDraft(draft), now);
  }

  /** The write itself, for a draft already checked and measured (perhaps on another thread: see importing/prepared-records). */
  async upsertPrepared(tx: WriteTx, prepared: PreparedDraft, now = new Date()): Promise<ArticleChange> {
    const existing = prepared.draft.canonicalUrl
      ? await tx.findByCanonicalUrl(prepared.draft.canonicalUrl)
      : await tx.findByContentHash(prepared.draft.language, prepared.contentHash);
    return this.write(tx, prepared, existing, now);
  }

  /** A new article, whatever else has the same text (an editor's "create" is never an import's "unchanged"). */
  async create(tx: WriteTx, draft: ArticleDraft, now = new Date()): Promise<ArticleChange> {
    return this.write(tx, prepareDraft(draft), null, now);
  }

  /**
   * Rewrites `existing` (read with tx.lockById) from a whole draft; a draft's
   * `slug` renames it. Identity rules are the caller's: this is the editor's
   * path, where the id says which article.
   */
  async update(tx: WriteTx, existing: Article, draft: ArticleDraft, now = new Date()): Promise<ArticleChange> {
    const change = await this.write(tx, prepareDraft(draft), existing, now);
    return change;
  }

  /**
   * Deletes an article. The hooks see it go first, while its row still exists:
   * a public article gets its UNPUBLISHED event and leaves search and the
   * related index in this same transaction.
   */
  async delete(tx: WriteTx, existing: Article, now = new Date()): Promise<ArticleChange> {
    const change: ArticleChange = {
      article: Object.assign(existing, { updatedAt: now }),
      outcome: 'deleted',
      wasPublished: isPublished(existing),
      isPublished: false,
      previousStatus: existing.status,
    };
    for (const hook of this.hooks) await hook(tx, change);
    await tx.deleteArticle(existing);
    return change;
  }

  private async write(tx: WriteTx, prepared: PreparedDraft, existing: Article | null, now: Date): Promise<ArticleChange> {
    const { draft: clean, bodyText, contentHash, fingerprint, wordCount } = prepared;
    const slugChange = existing && clean.slug && clean.slug !== existing.slug ? clean.slug : null;
    if (existing && existing.draftFingerprint === fingerprint && !slugChange) {
      return { article: existing, outcome: 'unchanged', wasPublished: isPublished(existing), isPublished: isPublished(existing), previousStatus: existing.status };
    }

    const categoryId = clean.category
      ? await tx.categoryId(clean.language, clean.category.slug || slugify(clean.category.name), clean.category.name)
      : null;
    const sourceId = clean.source ? await tx.sourceId(slugify(clean.source.name), clean.source.name, clean.source.url ?? null) : null;
    if (existing) await tx.removeImagesOf(existing);
    const leadImageId = clean.leadImage ? await tx.insertImage(clean.leadImage) : null;
    const inlineImageIds: number[] = [];
    for (const image of clean.inlineImages ?? []) inlineImageIds.push(await tx.insertImage(image));

    const publishedAt = clean.status === ArticleStatus.PUBLISHED ? clean.publishedAt ?? existing?.publishedAt ?? now : clean.publishedAt ?? null;
    const values: ArticleRowValues = {
      language: clean.language,
      title: clean.title,
      standfirst: clean.standfirst ?? null,
      body: clean.body,
      bodyText,
      status: clean.status,
      publishedAt,
      updatedAt: now,
      readingTimeMinutes: clean.readingTimeMinutes ?? deriveReadingTimeMinutes(wordCount, clean.language),
      wordCount,
      canonicalUrl: clean.canonicalUrl ?? null,
      contentHash,
      draftFingerprint: fingerprint,
      tags: clean.tags ?? [],
      categoryId,
      sourceId,
      leadImageId,
    };

    const article = Object.assign(new Article(), values, { updatedBy: tx.actor?.name ?? null });
    if (existing) {
      await tx.updateArticle(existing.id, values, prepared.bodyJson);
      if (slugChange) await tx.setSlug(existing.id, slugChange);
      Object.assign(article, { id: existing.id, slug: slugChange ?? existing.slug, createdAt: existing.createdAt, version: existing.version + 1 });
    } else {
      const slug = await this.freeSlug(tx, clean.language, clean.slug || slugify(clean.title) || 'makala', null);
      const id = await tx.insertArticle(slug, now, values, prepared.bodyJson);
      Object.assign(article, { id, slug, createdAt: now, version: 1 });
    }
    await tx.insertInlineImages(article.id, inlineImageIds);
    await tx.replaceTags(article.id, article.tags, !existing);

    const change: ArticleChange = {
      article,
      outcome: existing ? 'updated' : 'created',
      wasPublished: existing ? isPublished(existing) : false,
      isPublished: isPublished(article),
      previousStatus: existing?.status ?? null,
      previous: existing,
      searchDocument: prepared.searchDocument,
    };
    for (const hook of this.hooks) await hook(tx, change);
    return change;
  }

  /** "title", then "title-2", "title-3"...: readable, unique within the language. */
  private async freeSlug(tx: WriteTx, language: string, base: string, exceptId: number | null): Promise<string> {
    for (let n = 1; ; n += 1) {
      const candidate = n === 1 ? base : `${base.slice(0, 95)}-${n}`;
      if (!(await tx.slugTaken(language, candidate, exceptId))) return candidate;
    }
  }
}
