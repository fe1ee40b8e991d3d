import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ArticleConnection } from '../articles/article.connection';
import { ArticleOrder } from '../articles/article.enums';
import { PageArgsInput } from '../articles/article.inputs';
import type { GraphQLContext } from '../graphql/context';
import { toGlobalId } from '../graphql/global-id';
import { Source } from './source.entity';

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => [Source])
  sources(@Ctx() { services }: GraphQLContext): Promise<Source[]> {
    return services.sources.list();
  }

  @Query(() => Source, { nullable: true })
  source(@Arg('slug') slug: string, @Ctx() { services }: GraphQLContext): Promise<Source | null> {
    return services.sources.findBySlug(slug);
  }

  @FieldResolver(() => ID)
  id(@Root() source: Source): string {
    return toGlobalId('Source', source.id);
  }

  @FieldResolver(() => ArticleConnection)
  articles(
    @Root() source: Source,
    @Args() page: PageArgsInput,
    @Arg('language', () => String, { nullable: true }) language: string | null,
    @Arg('orderBy', () => ArticleOrder, { defaultValue: ArticleOrder.PUBLISHED_AT_DESC }) orderBy: ArticleOrder,
    @Ctx() { services }: GraphQLContext,
  ): Promise<ArticleConnection> {
    return services.articles.list({ sourceId: source.id, language }, orderBy, page);
  }
}
