import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ArticleChangeKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  PUBLISHED = 'PUBLISHED',
  UNPUBLISHED = 'UNPUBLISHED',
  ARCHIVED = 'ARCHIVED',
  DELETED = 'DELETED',
}
registerEnumType(ArticleChangeKind, { name: 'ArticleChangeKind', description: 'What an editorial write did to an article.' });

@ObjectType({ description: 'One write to an article made with an API key.' })
export class ArticleChangeRecord {
  @Field(() => ID, { description: 'The article `id` (also for a deleted article).' })
  articleId: string;

  @Field(() => ArticleChangeKind)
  kind: ArticleChangeKind;

  @Field(() => Int, { description: 'The version this write made (for DELETED, the last version).' })
  version: number;

  @Field(() => String, { nullable: true, description: 'The name of the key that made the change.' })
  by: string | null;

  @Field(() => Date)
  at: Date;
}
