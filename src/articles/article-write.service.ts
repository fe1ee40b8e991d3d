import { Errors } from '../errors/error.catalogue';
import { countWords, deriveReadingTimeMinutes } from '../languages/reading-time';
import { bodyToText, contentHashOf, draftFingerprint, normalizeSpace, type ArticleDraft } from './article.draft';
import { Article } from './article.entity';
import { ArticleStatus } from './article.enums';
import type { ArticleRowValues, WriteTx } from './article-write.repository';
import { assertLanguage } from './article.service';
import { slugify } from './slugify';

export type WriteOutcome = 'created' | 'updated' | 'unchanged';

/** What a write did to public visibility; subscriptions and the related index follow it. */
export interface ArticleChange {
  /** As written; for `unchanged`, the stored row without `body`/`bodyText` (the GraphQL fields load them). */
  article: Article;
  outcome: WriteOutcome;
  wasPublished: boolean;
  isPublished: boolean;
}

/** Runs inside the write transaction: a hook's writes commit or roll back with the article. */
export type ArticleChangeHook = (tx: WriteTx, change: ArticleChange) => Promise<void>;

const MAX_TAGS = 50;

/**
 * The rules of writing an article: identity (canonical URL, else content
 * hash), idempotency (same input -> unchanged), slugs, derived fields, and
 * one transaction with its category, source and images.
 */
export class ArticleWriteService {
  constructor(private readonly hooks: ArticleChangeHook[] = []) {}

  addHook(hook: ArticleChangeHook): void {
    this.hooks.push(hook);
  }

  async upsert(tx: WriteTx, draft: ArticleDraft, now = new Date()): Promise<ArticleChange> {
    const clean = validateDraft(draft);
    const bodyText = bodyToText(clean.body);
    const contentHash = contentHashOf(clean.title, bodyText);
    const fingerprint = draftFingerprint(clean);
    const existing = clean.canonicalUrl
      ? await tx.findByCanonicalUrl(clean.canonicalUrl)
      : await tx.findByContentHash(clean.language, contentHash);

    if (existing && existing.draftFingerprint === fingerprint) {
      return { article: existing, outcome: 'unchanged', wasPublished: isPublic(existing), isPublished: isPublic(existing) };
    }

    const categoryId = clean.category
      ? await tx.categoryId(clean.language, clean.category.slug || slugify(clean.category.name), clean.category.name)
      : null;
    const sourceId = clean.source ? await tx.sourceId(slugify(clean.source.name), clean.source.name, clean.source.url ?? null) : null;
    if (existing) await tx.removeImagesOf(existing);
    const leadImageId = clean.leadImage ? await tx.insertImage(clean.leadImage) : null;
    const inlineImageIds: number[] = [];
    for (const image of clean.inlineImages ?? []) inlineImageIds.push(await tx.insertImage(image));

    const wordCount = countWords(bodyText, clean.language);
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

    const article = Object.assign(new Article(), values);
    if (existing) {
      await tx.updateArticle(existing.id, values);
      Object.assign(article, { id: existing.id, slug: existing.slug, createdAt: existing.createdAt, version: existing.version + 1 });
    } else {
      const slug = await this.freeSlug(tx, clean.language, clean.slug || slugify(clean.title) || 'makala', null);
      const id = await tx.insertArticle(slug, now, values);
      Object.assign(article, { id, slug, createdAt: now, version: 1 });
    }
    await tx.insertInlineImages(article.id, inlineImageIds);
    await tx.replaceTags(article.id, article.tags, !existing);

    const change: ArticleChange = {
      article,
      outcome: existing ? 'updated' : 'created',
      wasPublished: existing ? isPublic(existing) : false,
      isPublished: isPublic(article),
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

function isPublic(article: Article): boolean {
  return article.status === ArticleStatus.PUBLISHED;
}

/** Trims and checks a draft; every problem is a BAD_USER_INPUT that names the field. */
export function validateDraft(draft: ArticleDraft): ArticleDraft {
  assertLanguage(draft.language);
  const title = normalizeSpace(draft.title ?? '');
  if (!title) throw Errors.invalidArgument('title', 'is empty: an article needs a title.');
  if (title.length > 500) throw Errors.invalidArgument('title', `is ${title.length} characters; keep it under 500.`);
  const body = draft.body
    .map((block) => ({ type: block.type, text: normalizeSpace(block.text) }))
    .filter((block) => block.text.length > 0);
  if (!body.some((block) => block.type === 'PARAGRAPH')) throw Errors.invalidArgument('body', 'has no paragraph: an article needs body text.');
  let canonicalUrl = draft.canonicalUrl?.trim() || null;
  if (canonicalUrl) {
    try {
      canonicalUrl = new URL(canonicalUrl).toString();
    } catch {
      throw Errors.invalidArgument('canonicalUrl', `"${draft.canonicalUrl}" is not an absolute URL.`);
    }
  }
  const tags = [...new Set((draft.tags ?? []).map((tag) => normalizeSpace(tag).toLowerCase()).filter(Boolean))];
  if (tags.length > MAX_TAGS) throw Errors.invalidArgument('tags', `has ${tags.length} tags; at most ${MAX_TAGS} are allowed.`);
  if (tags.some((tag) => tag.length > 100)) throw Errors.invalidArgument('tags', 'has a tag over 100 characters.');
  const minutes = draft.readingTimeMinutes;
  if (minutes != null && (!Number.isInteger(minutes) || minutes < 1 || minutes > 600)) {
    throw Errors.invalidArgument('readingTimeMinutes', 'must be a whole number of minutes from 1 to 600.');
  }
  const standfirst = draft.standfirst == null ? null : normalizeSpace(draft.standfirst) || null;
  const category = draft.category && normalizeSpace(draft.category.name) ? { name: normalizeSpace(draft.category.name), slug: draft.category.slug ?? null } : null;
  const source = draft.source && normalizeSpace(draft.source.name) ? { name: normalizeSpace(draft.source.name), url: draft.source.url ?? null } : null;
  return { ...draft, title, body, canonicalUrl, tags, standfirst, category, source };
}
