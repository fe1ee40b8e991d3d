import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Article } from '../articles/article.entity';

export enum ReadMoreKind {
  CURATED = 'CURATED',
  RELATED = 'RELATED',
  SAME_CATEGORY = 'SAME_CATEGORY',
  LATEST = 'LATEST',
}
registerEnumType(ReadMoreKind, {
  name: 'ReadMoreKind',
  description: "Where a read-more link comes from: the editors' picks, related articles, the latest in the category, the latest in the language.",
});

@ObjectType({ description: 'A link to show under an article.' })
export class ReadMoreLink {
  @Field()
  title: string;

  @Field({ description: "The page to open: a Habari article's public URL or an external page." })
  url: string;

  @Field(() => ReadMoreKind)
  kind: ReadMoreKind;

  @Field(() => Article, { nullable: true, description: 'The linked article; null for external pages.' })
  article: Article | null;
}

@InputType({ description: 'One curated link: exactly one of `articleId` (a Habari article) or `url` (an external page, with a `title`).' })
export class ReadMoreLinkInput {
  @Field(() => ID, { nullable: true })
  articleId?: string | null;

  @Field(() => String, { nullable: true, description: 'Absolute http(s) URL.' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: "Required for external pages; for articles it replaces the article's title." })
  title?: string | null;
}
