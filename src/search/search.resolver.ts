import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { ArticleFilter } from '../articles/article.inputs';
import type { GraphQLContext } from '../graphql/context';
import { SearchConnection } from './search.types';

@Resolver(() => SearchConnection)
export class SearchResolver {
  @Query(() => SearchConnection, {
    description:
      'Full-text search over published articles, best first. Every word is searched literally (no query syntax); the last word also matches as a prefix. `language` also drops that language\'s stop words.',
  })
  search(
    @Arg('query', { description: 'What the reader typed; 1 to 200 characters.' }) query: string,
    @Arg('language', () => String, { nullable: true }) language: string | null,
    @Arg('filter', () => ArticleFilter, { nullable: true }) filter: ArticleFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Default 10, at most 50.' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<SearchConnection> {
    return services.search.search(query, language, filter ?? {}, first, after);
  }

  @FieldResolver(() => Int, { description: 'How many published articles match, across all pages.' })
  totalCount(@Root() connection: SearchConnection): Promise<number> {
    return connection.countTotal();
  }
}
