import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { ArticleEventFilter } from '../subscriptions/article-event.types';
import { ArticleChanges } from './sync.types';

@Resolver()
export class SyncResolver {
  @Query(() => ArticleChanges, {
    description:
      'Every publish, update and takedown after `after`, oldest first: bring an offline store up to date, then keep the `endCursor` for next time. Same cursors, filters and retention as the subscriptions.',
  })
  changes(
    @Arg('after', () => String, { nullable: true, description: 'An `endCursor` from a previous call, or an event `cursor`. Omit to start from the oldest kept event.' }) after: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Events per page: default 100, at most 500.' }) first: number | null,
    @Arg('filter', () => ArticleEventFilter, { nullable: true }) filter: ArticleEventFilter | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<ArticleChanges> {
    return services.sync.changes(after, first, filter);
  }
}
