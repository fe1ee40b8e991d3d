import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Article } from '../articles/article.entity';
import type { GraphQLContext } from '../graphql/context';
import { requireEditor } from '../auth/auth.guards';
import { CategorySuggestion } from './topics.gql-types';

@Resolver(() => Article)
export class ArticleTopicsResolver {
  @FieldResolver(() => [CategorySuggestion], {
    description:
      "For editors: the likeliest categories of an article without one, learned from the language's categorized archive, most likely first. Empty when the article has a category or the language has too few categorized articles for a model.",
  })
  suggestedCategories(
    @Root() article: Article,
    @Arg('first', () => Int, { defaultValue: 3, description: '0 to 10.' }) first: number,
    @Ctx() context: GraphQLContext,
  ): Promise<CategorySuggestion[]> {
    requireEditor(context);
    return context.services.topics.suggestedCategories(article, first, context.loaders);
  }
}
