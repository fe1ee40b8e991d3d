import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Article } from '../articles/article.entity';

export enum RelatedSignal {
  SHARED_TERMS = 'SHARED_TERMS',
  SAME_CATEGORY = 'SAME_CATEGORY',
  SAME_TOPIC = 'SAME_TOPIC',
  SHARED_TAGS = 'SHARED_TAGS',
  SAME_SOURCE = 'SAME_SOURCE',
  CLOSE_IN_TIME = 'CLOSE_IN_TIME',
}
registerEnumType(RelatedSignal, { name: 'RelatedSignal', description: 'Why an article counts as related.' });

@ObjectType({ description: "One signal behind a related article's score." })
export class RelatedReason {
  @Field(() => RelatedSignal)
  signal: RelatedSignal;

  @Field(() => Float, { description: "This signal's share of the score." })
  weight: number;

  @Field(() => [String], { nullable: true, description: 'SHARED_TERMS: the distinctive words both articles use, strongest first.' })
  terms?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'SHARED_TAGS: the tags both articles carry.' })
  tags?: string[] | null;

  @Field(() => String, { nullable: true, description: 'SAME_TOPIC: the topic (category name) both articles are most likely about, as the topic model learned it.' })
  topic?: string | null;
}

@ObjectType({ description: 'An article related to another, with why.' })
export class RelatedArticle {
  @Field(() => Article)
  article: Article;

  @Field(() => Float, { description: 'Higher is more related; comparable within one list.' })
  score: number;

  @Field(() => [RelatedReason], { description: 'Strongest first.' })
  reasons: RelatedReason[];
}
