import { Field, ObjectType } from 'type-graphql';
import { ArticleEvent } from '../subscriptions/article-event.types';

@ObjectType({ description: 'Where the next `changes` call starts.' })
export class ChangesPageInfo {
  @Field(() => String, {
    description: 'Pass as `after` next time. Set even when no event matched, so a narrow filter still moves forward and never expires while you keep calling.',
  })
  endCursor: string;

  @Field({ description: 'More changes are waiting now: call again with `endCursor` right away.' })
  hasNextPage: boolean;
}

@ObjectType({ description: 'Changes to public articles after a cursor, oldest first: what an offline store needs to catch up.' })
export class ArticleChanges {
  @Field(() => [ArticleEvent], { description: 'PUBLISHED, UPDATED and UNPUBLISHED events in commit order (UNPUBLISHED: drop the article).' })
  events: ArticleEvent[];

  @Field(() => ChangesPageInfo)
  pageInfo: ChangesPageInfo;
}
