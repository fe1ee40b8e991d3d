import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Article } from '../articles/article.entity';
import { ArticleStatus } from '../articles/article.enums';
import { requireAdmin, requireEditor } from '../auth/auth.guards';
import { Category } from '../categories/category.entity';
import { Errors } from '../errors/error.catalogue';
import type { GraphQLContext } from '../graphql/context';
import { fromGlobalId, toGlobalId } from '../graphql/global-id';
import { ArticleChangeKind, ArticleChangeRecord } from '../history/history.gql-types';
import { Source } from '../sources/source.entity';
import { CategoryInput, CreateArticleInput, SourceInput, UpdateArticleInput } from './editorial.inputs';

function articleIdOf(id: string): number {
  const decoded = fromGlobalId(id);
  if (!decoded || decoded.type !== 'Article') throw Errors.invalidGlobalId(id);
  return decoded.id;
}

/** Editors' mutations: thin, each checks the key's role and calls one EditorialService method. */
@Resolver()
export class EditorialResolver {
  @Mutation(() => Article, { description: 'Creates an article (editor key): a draft unless `publish` is true.' })
  createArticle(@Arg('input', () => CreateArticleInput) input: CreateArticleInput, @Ctx() context: GraphQLContext): Promise<Article> {
    return context.services.editorial.create(requireEditor(context), input);
  }

  @Mutation(() => Article, {
    description: 'Changes an article (editor key). `version` is the one you last read: if the article changed since, nothing is written and the answer is CONFLICT / STALE_VERSION with `currentVersion`.',
  })
  updateArticle(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateArticleInput) input: UpdateArticleInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Article> {
    const actor = requireEditor(context);
    return context.services.editorial.update(actor, articleIdOf(id), version, input);
  }

  @Mutation(() => Article, { description: 'Makes an article public (editor key); its publication date is kept, or set to now.' })
  publishArticle(@Arg('id', () => ID) id: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() context: GraphQLContext): Promise<Article> {
    return this.setStatus(context, id, ArticleStatus.PUBLISHED, version);
  }

  @Mutation(() => Article, { description: 'Takes an article down, back to draft (editor key).' })
  unpublishArticle(@Arg('id', () => ID) id: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() context: GraphQLContext): Promise<Article> {
    return this.setStatus(context, id, ArticleStatus.DRAFT, version);
  }

  @Mutation(() => Article, { description: 'Archives an article (editor key): no longer public, kept for the record.' })
  archiveArticle(@Arg('id', () => ID) id: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() context: GraphQLContext): Promise<Article> {
    return this.setStatus(context, id, ArticleStatus.ARCHIVED, version);
  }

  @Mutation(() => ID, {
    description: 'Deletes an article for good (admin key): its row, images, tags and links go; a public one is taken down (articleUnpublished) and leaves search and related lists. Its history stays.',
  })
  async deleteArticle(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<string> {
    const actor = requireAdmin(context);
    return toGlobalId('Article', await context.services.editorial.delete(actor, articleIdOf(id)));
  }

  @Mutation(() => Category, { description: 'Creates a category, or renames the one with this language and slug (editor key).' })
  async upsertCategory(@Arg('input', () => CategoryInput) input: CategoryInput, @Ctx() context: GraphQLContext): Promise<Category> {
    const id = await context.services.editorial.upsertCategory(requireEditor(context), input);
    return (await context.loaders.category.load(id))!;
  }

  @Mutation(() => Source, { description: 'Creates a source, or updates the name and URL of the one with this slug (editor key).' })
  async upsertSource(@Arg('input', () => SourceInput) input: SourceInput, @Ctx() context: GraphQLContext): Promise<Source> {
    const id = await context.services.editorial.upsertSource(requireEditor(context), input);
    return (await context.loaders.source.load(id))!;
  }

  @Query(() => [ArticleChangeRecord], { description: "An article's changes made with API keys, newest first: who, when, what kind (admin key). Also for deleted articles." })
  async articleHistory(
    @Arg('id', () => ID) id: string,
    @Arg('first', () => Int, { defaultValue: 50, description: '0 to 200.' }) first: number,
    @Ctx() context: GraphQLContext,
  ): Promise<ArticleChangeRecord[]> {
    requireAdmin(context);
    const entries = await context.services.editorial.historyOf(articleIdOf(id), first);
    return entries.map((entry) => ({
      articleId: toGlobalId('Article', entry.articleId),
      kind: entry.kind as ArticleChangeKind,
      version: entry.version,
      by: entry.keyName,
      at: entry.at,
    }));
  }

  private setStatus(context: GraphQLContext, id: string, status: ArticleStatus, version: number | null): Promise<Article> {
    const actor = requireEditor(context);
    return context.services.editorial.setStatus(actor, articleIdOf(id), status, version);
  }
}
