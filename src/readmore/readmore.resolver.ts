import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Article } from '../articles/article.entity';
import { Errors } from '../errors/error.catalogue';
import type { GraphQLContext } from '../graphql/context';
import { fromGlobalId } from '../graphql/global-id';
import { requireEditor } from '../auth/auth.guards';
import { ReadMoreLink, ReadMoreLinkInput } from './readmore.gql-types';

@Resolver(() => Article)
export class ArticleReadMoreResolver {
  @FieldResolver(() => [ReadMoreLink], {
    description: "Links to show under the article: the editors' picks, then related articles, then the latest in its category, then the latest in its language.",
  })
  readMore(
    @Root() article: Article,
    @Arg('first', () => Int, { defaultValue: 3, description: '0 to 20.' }) first: number,
    @Ctx() { services, loaders }: GraphQLContext,
  ): Promise<ReadMoreLink[]> {
    return services.readMore.readMoreFor(article, first, loaders);
  }

  @FieldResolver(() => String, { description: 'The public page: {base}/{language}/{category}/{slug}, or {base}/{language}/{slug} without a category.' })
  url(@Root() article: Article, @Ctx() { services, loaders }: GraphQLContext): Promise<string> {
    return services.readMore.urlOf(article, loaders);
  }

  @FieldResolver(() => Article, { nullable: true, description: 'The next newer published article in the same category and language; null for the newest or without a category.' })
  next(@Root() article: Article, @Ctx() { services, loaders }: GraphQLContext): Promise<Article | null> {
    return services.readMore.next(article, loaders);
  }

  @FieldResolver(() => Article, { nullable: true, description: 'The next older published article in the same category and language; null for the oldest or without a category.' })
  previous(@Root() article: Article, @Ctx() { services, loaders }: GraphQLContext): Promise<Article | null> {
    return services.readMore.previous(article, loaders);
  }
}

@Resolver()
export class ReadMoreMutationResolver {
  @Mutation(() => Article, { description: "Replaces an article's curated read-more links, in order (editors only; at most 10)." })
  setReadMoreLinks(
    @Arg('articleId', () => ID) articleId: string,
    @Arg('links', () => [ReadMoreLinkInput]) links: ReadMoreLinkInput[],
    @Ctx() context: GraphQLContext,
  ): Promise<Article> {
    requireEditor(context);
    const decoded = fromGlobalId(articleId);
    if (!decoded || decoded.type !== 'Article') throw Errors.invalidGlobalId(articleId);
    return context.services.readMore.setLinks(decoded.id, links);
  }
}
