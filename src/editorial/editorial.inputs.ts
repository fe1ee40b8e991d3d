import { Field, InputType, Int } from 'type-graphql';
import { BodyBlockKind } from '../articles/article.enums';

@InputType({ description: 'A block of the body, in reading order.' })
export class BodyBlockInput {
  @Field(() => BodyBlockKind)
  type: BodyBlockKind;

  @Field({ description: 'Plain text (never HTML), at most 20,000 characters.' })
  text: string;
}

@InputType({ description: 'A lead or inline image. `url` must be http(s).' })
export class ImageInput {
  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  caption?: string | null;

  @Field(() => String, { nullable: true })
  credit?: string | null;

  @Field(() => String, { nullable: true, description: 'Text alternative for readers who cannot see the image.' })
  alt?: string | null;

  @Field(() => Int, { nullable: true })
  width?: number | null;

  @Field(() => Int, { nullable: true })
  height?: number | null;
}

/** Fields an editor can set on an article; on update, an absent field keeps its value and null clears it. */
@InputType()
export abstract class ArticleFieldsInput {
  @Field(() => String, { nullable: true, description: 'At most 500 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 2,000 characters.' })
  standfirst?: string | null;

  @Field(() => [BodyBlockInput], { nullable: true, description: 'At least one PARAGRAPH; at most 1,000 blocks.' })
  body?: BodyBlockInput[] | null;

  @Field(() => String, { nullable: true, description: 'Lower-case letters and digits joined by "-" (e.g. bunge-lapitisha-bajeti); derived from the title when absent.' })
  slug?: string | null;

  @Field(() => Date, { nullable: true })
  publishedAt?: Date | null;

  @Field(() => Int, { nullable: true, description: '1 to 600; derived from the word count when absent.' })
  readingTimeMinutes?: number | null;

  @Field(() => String, { nullable: true, description: 'Where the story was first published: an http(s) URL, unique across articles.' })
  canonicalUrl?: string | null;

  @Field(() => [String], { nullable: true, description: 'At most 50, each at most 100 characters.' })
  tags?: string[] | null;

  @Field(() => String, { nullable: true, description: "A category's slug in the article's language (create it with upsertCategory)." })
  categorySlug?: string | null;

  @Field(() => String, { nullable: true, description: "A source's slug (create it with upsertSource)." })
  sourceSlug?: string | null;

  @Field(() => ImageInput, { nullable: true })
  leadImage?: ImageInput | null;

  @Field(() => [ImageInput], { nullable: true, description: 'Images inside the body, in reading order; at most 50.' })
  inlineImages?: ImageInput[] | null;
}

@InputType({ description: 'A new article. It is a draft unless `publish` is true.' })
export class CreateArticleInput extends ArticleFieldsInput {
  @Field({ description: 'BCP 47 code: sw, ha, am, so, fr or en.' })
  language: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  publish?: boolean | null;
}

@InputType({ description: 'Changes to an article: absent fields keep their value, null clears an optional one.' })
export class UpdateArticleInput extends ArticleFieldsInput {}

@InputType({ description: 'A category in one language; the slug (derived from the name when absent) identifies it.' })
export class CategoryInput {
  @Field()
  language: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  slug?: string | null;
}

@InputType({ description: 'A publisher; the slug (derived from the name when absent) identifies it.' })
export class SourceInput {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: 'The publisher\'s site: an http(s) URL.' })
  url?: string | null;
}
