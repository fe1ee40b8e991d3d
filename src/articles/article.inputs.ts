import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArticleStatus } from './article.enums';

@ArgsType()
export class PageArgsInput {
  @Field(() => Int, { nullable: true, description: 'Page size when paging forward: default 20, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size when paging backward: at most 100.' })
  last?: number | null;

  @Field(() => String, { nullable: true })
  before?: string | null;
}

/** Where an article belongs: shared by list filters and event-stream filters. */
@InputType({ description: 'Where an article belongs (language, category, source).' })
export abstract class ArticleScopeFields {
  @Field(() => String, { nullable: true, description: 'BCP 47 code: sw, ha, am, so, fr or en.' })
  language?: string | null;

  @Field(() => String, { nullable: true })
  categorySlug?: string | null;

  @Field(() => String, { nullable: true })
  sourceSlug?: string | null;
}

@InputType({ description: 'Narrow a list of articles; all given conditions must hold.' })
export class ArticleFilter extends ArticleScopeFields {
  @Field(() => String, { nullable: true })
  tag?: string | null;

  @Field(() => Date, { nullable: true })
  publishedAfter?: Date | null;

  @Field(() => Date, { nullable: true })
  publishedBefore?: Date | null;

  @Field(() => ArticleStatus, { nullable: true, description: '`articles` only: PUBLISHED by default; DRAFT and ARCHIVED need an editor key. Search covers published articles.' })
  status?: ArticleStatus | null;
}

