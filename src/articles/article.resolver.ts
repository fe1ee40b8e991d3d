import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Errors } from '../errors/error.catalogue';
import { Category } from '../categories/category.entity';
import type { GraphQLContext } from '../graphql/context';
import { fromGlobalId, toGlobalId } from '../graphql/global-id';
import { Image } from '../images/image.entity';
import { canonicalLocale, formatPublishedAt } from '../languages/published-at-text';
import { formatReadingTime } from '../languages/reading-time';
import { Source } from '../sources/source.entity';
import { ArticleConnection } from './article.connection';
import { Article, BodyBlock } from './article.entity';
import { ArticleOrder, DateStyle } from './article.enums';
import { ArticleFilter, PageArgsInput } from './article.inputs';
import { ArticleStatus } from './article.enums';
import { EditorOnly, isEditor, requireEditor } from '../auth/auth.guards';
import { ReadingTime } from './reading-time.type';

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => ArticleConnection, { description: 'Published articles, newest first, as a Relay connection; with an editor key, `filter.status` lists drafts or archived ones.' })
  articles(
    @Args() page: PageArgsInput,
    @Arg('filter', () => ArticleFilter, { nullable: true }) filter: ArticleFilter | null,
    @Arg('orderBy', () => ArticleOrder, { defaultValue: ArticleOrder.PUBLISHED_AT_DESC }) orderBy: ArticleOrder,
    @Ctx() context: GraphQLContext,
  ): Promise<ArticleConnection> {
    if (filter?.status != null && filter.status !== ArticleStatus.PUBLISHED) requireEditor(context);
    return context.services.articles.list(filter ?? {}, orderBy, page);
  }

  @Query(() => Article, {
    nullable: true,
    description: 'One published article by `id`, or by `slug` and `language`; with an editor key, drafts and archived ones too. Null when there is none.',
  })
  article(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('slug', () => String, { nullable: true }) slug: string | null,
    @Arg('language', () => String, { nullable: true }) language: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<Article | null> {
    let localId: number | null = null;
    if (id != null) {
      const decoded = fromGlobalId(id);
      if (!decoded || decoded.type !== 'Article') throw Errors.invalidGlobalId(id);
      localId = decoded.id;
    }
    return context.services.articles.findOne({ id: localId, slug, language }, isEditor(context));
  }

  @EditorOnly()
  @FieldResolver(() => String, { nullable: true, description: 'The name of the API key behind the last write; null for the command line (editor keys only).' })
  async updatedBy(@Root() article: Article, @Ctx() { loaders }: GraphQLContext): Promise<string | null> {
    return (await loaders.articleUpdatedBy.load(article.id))?.updatedBy ?? null;
  }

  @FieldResolver(() => ID)
  id(@Root() article: Article): string {
    return toGlobalId('Article', article.id);
  }

  @FieldResolver(() => [BodyBlock])
  async body(@Root() article: Article, @Ctx() { loaders }: GraphQLContext): Promise<Article['body']> {
    return article.body ?? (await loaders.articleBody.load(article.id))?.body ?? [];
  }

  @FieldResolver(() => String)
  async bodyText(@Root() article: Article, @Ctx() { loaders }: GraphQLContext): Promise<string> {
    return article.bodyText ?? (await loaders.articleBody.load(article.id))?.bodyText ?? '';
  }

  @FieldResolver(() => Category, { nullable: true })
  category(@Root() article: Article, @Ctx() { loaders }: GraphQLContext): Promise<Category | null> | null {
    return article.categoryId == null ? null : loaders.category.load(article.categoryId);
  }

  @FieldResolver(() => Source, { nullable: true })
  source(@Root() article: Article, @Ctx() { loaders }: GraphQLContext): Promise<Source | null> | null {
    return article.sourceId == null ? null : loaders.source.load(article.sourceId);
  }

  @FieldResolver(() => Image, { nullable: true })
  leadImage(@Root() article: Article, @Ctx() { loaders }: GraphQLContext): Promise<Image | null> | null {
    return article.leadImageId == null ? null : loaders.image.load(article.leadImageId);
  }

  @FieldResolver(() => [Image], { description: 'Images inside the body, in reading order (not the lead image).' })
  images(@Root() article: Article, @Ctx() { loaders }: GraphQLContext): Promise<Image[]> {
    return loaders.inlineImages.load(article.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The publication date in the article's language (or `locale`), e.g. \"13 Septemba 2024\".",
  })
  publishedAtText(
    @Root() article: Article,
    @Arg('style', () => DateStyle, { defaultValue: DateStyle.LONG }) style: DateStyle,
    @Arg('locale', () => String, { nullable: true, description: 'BCP 47 locale; defaults to the article language.' }) locale: string | null,
    @Arg('timeZone', () => String, { nullable: true, description: 'IANA zone; defaults to the newsroom zone.' }) timeZone: string | null,
    @Ctx() { config }: GraphQLContext,
  ): string | null {
    if (!article.publishedAt) return null;
    const tag = locale == null ? article.language : canonicalLocale(locale);
    if (!tag) throw Errors.invalidArgument('locale', `"${locale}" is not a BCP 47 locale such as sw, sw-KE or en-GB.`);
    try {
      return formatPublishedAt(article.publishedAt, tag, style, timeZone ?? config.displayTimeZone);
    } catch {
      throw Errors.invalidArgument('timeZone', `"${timeZone}" is not an IANA time zone such as Africa/Nairobi.`);
    }
  }

  @FieldResolver(() => ReadingTime)
  readingTime(@Root() article: Article): ReadingTime {
    return { minutes: article.readingTimeMinutes, text: formatReadingTime(article.readingTimeMinutes, article.language) };
  }
}

@Resolver(() => ArticleConnection)
export class ArticleConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many articles match the filter, across all pages.' })
  totalCount(@Root() connection: ArticleConnection): Promise<number> {
    return connection.countTotal();
  }
}
