import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ArticleConnection } from '../articles/article.connection';
import { ArticleOrder } from '../articles/article.enums';
import { PageArgsInput } from '../articles/article.inputs';
import type { GraphQLContext } from '../graphql/context';
import { toGlobalId } from '../graphql/global-id';
import { Category } from './category.entity';

@Resolver(() => Category)
export class CategoryResolver {
  @Query(() => [Category], { description: 'Categories that have published articles, optionally in one language.' })
  categories(
    @Arg('language', () => String, { nullable: true }) language: string | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<Category[]> {
    return services.categories.list(language);
  }

  @Query(() => Category, { nullable: true })
  category(
    @Arg('slug') slug: string,
    @Arg('language') language: string,
    @Ctx() { services }: GraphQLContext,
  ): Promise<Category | null> {
    return services.categories.findBySlug(slug, language);
  }

  @FieldResolver(() => ID)
  id(@Root() category: Category): string {
    return toGlobalId('Category', category.id);
  }

  @FieldResolver(() => ArticleConnection)
  articles(
    @Root() category: Category,
    @Args() page: PageArgsInput,
    @Arg('orderBy', () => ArticleOrder, { defaultValue: ArticleOrder.PUBLISHED_AT_DESC }) orderBy: ArticleOrder,
    @Ctx() { services }: GraphQLContext,
  ): Promise<ArticleConnection> {
    return services.articles.list({ categoryId: category.id }, orderBy, page);
  }
}
