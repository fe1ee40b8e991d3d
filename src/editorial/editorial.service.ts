import type { ArticleDraft } from '../articles/article.draft';
import type { Article } from '../articles/article.entity';
import { ArticleStatus } from '../articles/article.enums';
import type { ArticleRepository } from '../articles/article.repository';
import { assertLanguage } from '../languages/language.catalogue';
import type { ArticleWriteRepository, WriteActor, WriteTx } from '../articles/article-write.repository';
import type { ArticleWriteService } from '../articles/article-write.service';
import { slugify } from '../articles/slugify';
import { Errors } from '../errors/error.catalogue';
import type { HistoryEntry, HistoryRepository } from '../history/history.repository';
import type { CategoryInput, CreateArticleInput, SourceInput, UpdateArticleInput } from './editorial.inputs';
import { LIMITS, Problems, checkArticleFields, checkSlug, checkText, checkUrl, type ArticleFieldValues } from './editorial.validation';

export const MAX_HISTORY = 200;

/**
 * Editors' writes. Every article write goes through ArticleWriteService in a
 * WriteTx stamped with the key (updated_by, history), like an import: search,
 * related, the event outbox and subscriptions follow it in the same transaction.
 * Who may call what is the resolver's check (auth.guards).
 */
export class EditorialService {
  constructor(
    private readonly writes: ArticleWriteRepository,
    private readonly writer: ArticleWriteService,
    private readonly articles: ArticleRepository,
    private readonly history: HistoryRepository,
  ) {}

  async create(actor: WriteActor, input: CreateArticleInput): Promise<Article> {
    const problems = new Problems();
    try {
      assertLanguage(input.language);
    } catch (error) {
      problems.add('language', error instanceof Error ? error.message : 'is not a language Habari publishes in.');
    }
    const values = checkArticleFields(problems, input, true);
    return this.writes.transaction(async (tx) => {
      const refs = await this.references(tx, problems, input.language, values);
      problems.throwIfAny();
      if (values.slug && (await tx.slugTaken(input.language, values.slug, null))) throw slugTaken(values.slug, input.language);
      if (values.canonicalUrl) await assertCanonicalUrlFree(tx, values.canonicalUrl, null);
      const draft: ArticleDraft = {
        language: input.language,
        title: values.title!,
        standfirst: values.standfirst ?? null,
        body: values.body!,
        status: input.publish ? ArticleStatus.PUBLISHED : ArticleStatus.DRAFT,
        publishedAt: values.publishedAt ?? null,
        readingTimeMinutes: values.readingTimeMinutes ?? null,
        canonicalUrl: values.canonicalUrl ?? null,
        tags: values.tags ?? [],
        slug: values.slug ?? null,
        category: refs.category ?? null,
        source: refs.source ?? null,
        leadImage: values.leadImage ?? null,
        inlineImages: values.inlineImages ?? [],
      };
      return (await this.writer.create(tx, draft)).article;
    }, { actor });
  }

  /** Refused with CONFLICT / STALE_VERSION unless `version` is the stored one: nothing is overwritten. */
  async update(actor: WriteActor, id: number, version: number, input: UpdateArticleInput): Promise<Article> {
    const problems = new Problems();
    const values = checkArticleFields(problems, input, false);
    return this.writes.transaction(async (tx) => {
      const existing = await this.lockVersion(tx, id, version);
      const refs = await this.references(tx, problems, existing.language, values);
      problems.throwIfAny();
      if (values.slug && values.slug !== existing.slug && (await tx.slugTaken(existing.language, values.slug, id))) throw slugTaken(values.slug, existing.language);
      if (values.canonicalUrl) await assertCanonicalUrlFree(tx, values.canonicalUrl, id);
      const draft = await tx.draftOf(existing);
      const merged: ArticleDraft = { ...draft };
      for (const key of ['title', 'standfirst', 'body', 'slug', 'publishedAt', 'readingTimeMinutes', 'canonicalUrl', 'tags', 'leadImage', 'inlineImages'] as const) {
        if (values[key] !== undefined) (merged as unknown as Record<string, unknown>)[key] = values[key];
      }
      if (refs.category !== undefined) merged.category = refs.category;
      if (refs.source !== undefined) merged.source = refs.source;
      if (merged.slug == null) merged.slug = existing.slug;
      return (await this.writer.update(tx, existing, merged)).article;
    }, { actor });
  }

  /** publish / unpublish (back to draft) / archive. `version`, when given, must be the stored one. */
  async setStatus(actor: WriteActor, id: number, status: ArticleStatus, version: number | null): Promise<Article> {
    return this.writes.transaction(async (tx) => {
      const existing = await this.lockVersion(tx, id, version);
      if (existing.status === status) return existing;
      const draft = await tx.draftOf(existing);
      return (await this.writer.update(tx, existing, { ...draft, status })).article;
    }, { actor });
  }

  /** Deletes the article for good (admins only; the resolver checks); NOT_FOUND when there is none. */
  async delete(actor: WriteActor, id: number): Promise<number> {
    return this.writes.transaction(async (tx) => {
      const existing = await tx.lockById(id);
      if (!existing) throw Errors.notFound('The article');
      await this.writer.delete(tx, existing);
      return id;
    }, { actor });
  }

  async upsertCategory(actor: WriteActor, input: CategoryInput): Promise<number> {
    const problems = new Problems();
    try {
      assertLanguage(input.language);
    } catch (error) {
      problems.add('language', error instanceof Error ? error.message : 'is not a language Habari publishes in.');
    }
    const name = checkText(problems, 'name', input.name, LIMITS.name, true);
    const slug = checkSlug(problems, 'slug', input.slug) || (name ? slugify(name) : null);
    if (name && !slug) problems.add('slug', 'cannot be derived from the name: give one (lower-case letters and digits joined by "-").');
    problems.throwIfAny();
    return this.writes.transaction((tx) => tx.upsertCategory(input.language, slug!, name!), { actor });
  }

  async upsertSource(actor: WriteActor, input: SourceInput): Promise<number> {
    const problems = new Problems();
    const name = checkText(problems, 'name', input.name, LIMITS.name, true);
    const slug = checkSlug(problems, 'slug', input.slug) || (name ? slugify(name) : null);
    if (name && !slug) problems.add('slug', 'cannot be derived from the name: give one (lower-case letters and digits joined by "-").');
    const url = checkUrl(problems, 'url', input.url);
    problems.throwIfAny();
    return this.writes.transaction((tx) => tx.upsertSource(slug!, name!, url ?? null), { actor });
  }

  /** Any status: for editors. */
  findAnyById(id: number): Promise<Article | null> {
    return this.articles.findById(id);
  }

  historyOf(articleId: number, first: number): Promise<HistoryEntry[]> {
    if (!Number.isInteger(first) || first < 0 || first > MAX_HISTORY) throw Errors.countOutOfRange('first', MAX_HISTORY, first, 'changes');
    return this.history.forArticle(articleId, first);
  }

  private async lockVersion(tx: WriteTx, id: number, version: number | null): Promise<Article> {
    const existing = await tx.lockById(id);
    if (!existing) throw Errors.notFound('The article');
    if (version != null && version !== existing.version) throw Errors.staleVersion(existing.version, version);
    return existing;
  }

  /** The category and source the editor named, which must exist (one problem per missing one). */
  private async references(
    tx: WriteTx,
    problems: Problems,
    language: string,
    values: ArticleFieldValues,
  ): Promise<{ category?: { name: string; slug: string } | null; source?: { name: string; url: string | null } | null }> {
    const refs: { category?: { name: string; slug: string } | null; source?: { name: string; url: string | null } | null } = {};
    if (values.categorySlug !== undefined) {
      const found = values.categorySlug && !problems.has('language') ? await tx.findCategory(language, values.categorySlug) : null;
      if (values.categorySlug && !found && !problems.has('language')) problems.add('categorySlug', `names no category in "${language}": create it with upsertCategory first.`);
      refs.category = found ? { name: found.name, slug: found.slug } : null;
    }
    if (values.sourceSlug !== undefined) {
      const found = values.sourceSlug ? await tx.findSource(values.sourceSlug) : null;
      if (values.sourceSlug && !found) problems.add('sourceSlug', 'names no source: create it with upsertSource first.');
      refs.source = found ? { name: found.name, url: found.url } : null;
    }
    return refs;
  }
}

function slugTaken(slug: string, language: string) {
  return Errors.conflict('SLUG_TAKEN', `Another "${language}" article already has the slug "${slug}": choose another slug.`, { field: 'slug' });
}

async function assertCanonicalUrlFree(tx: WriteTx, url: string, exceptId: number | null): Promise<void> {
  const owner = await tx.articleIdByCanonicalUrl(url);
  if (owner != null && owner !== exceptId) {
    throw Errors.conflict('CANONICAL_URL_TAKEN', `Another article already has the canonical URL ${url}: update that article instead, or remove the URL.`, { field: 'canonicalUrl' });
  }
}
