import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Article } from '../articles/article.entity';
import { ArticleScopeFields } from '../articles/article.inputs';

export enum ArticleEventKind {
  PUBLISHED = 'PUBLISHED',
  UPDATED = 'UPDATED',
  UNPUBLISHED = 'UNPUBLISHED',
}
registerEnumType(ArticleEventKind, {
  name: 'ArticleEventKind',
  description: 'What happened to public visibility: became visible, changed while visible, or stopped being visible.',
});

@InputType({ description: 'Narrow an event stream; all given conditions must hold (values as they were at event time).' })
export class ArticleEventFilter extends ArticleScopeFields {}

@ObjectType({ description: 'One change to a public article, in the order changes committed.' })
export class ArticleEvent {
  @Field({ description: 'Pass as `after` to resume right after this event, without gaps or repeats.' })
  cursor: string;

  @Field(() => ArticleEventKind)
  kind: ArticleEventKind;

  @Field(() => ID, { description: 'The article `id`, also for UNPUBLISHED events.' })
  articleId: string;

  @Field(() => Article, {
    nullable: true,
    description: 'The article as stored now, whatever its status (an UNPUBLISHED article is no longer public); null when it was deleted (use `articleId`).',
  })
  article: Article | null;

  @Field(() => Date)
  occurredAt: Date;
}
