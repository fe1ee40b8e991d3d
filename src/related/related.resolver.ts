import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Article } from '../articles/article.entity';
import type { GraphQLContext } from '../graphql/context';
import { RelatedArticle } from './related.gql-types';

@Resolver(() => Article)
export class ArticleRelatedResolver {
  @FieldResolver(() => [RelatedArticle], {
    description: 'Published articles in the same language on the same story or topic, best first (at most 12 are kept per article). Copies of this article are left out.',
  })
  related(
    @Root() article: Article,
    @Arg('first', () => Int, { defaultValue: 5, description: '0 to 20.' }) first: number,
    @Ctx() { services, loaders }: GraphQLContext,
  ): Promise<RelatedArticle[]> {
    return services.related.relatedFor(article, first, loaders);
  }
}
