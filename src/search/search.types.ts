import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Article } from '../articles/article.entity';
import { PageInfo } from '../graphql/connection.types';

@ObjectType({ description: 'One search result.' })
export class SearchHit {
  @Field(() => Article)
  article: Article;

  @Field(() => Float, { description: 'Relevance: higher is better; comparable within one search only.' })
  score: number;

  @Field({ description: 'An excerpt of the body (or title) around the matched words, as HTML: text escaped, matches in <mark>…</mark>.' })
  snippet: string;
}

@ObjectType()
export class SearchEdge {
  @Field()
  cursor: string;

  @Field(() => SearchHit)
  node: SearchHit;
}

@ObjectType({ description: 'Search results, best first (Relay connection).' })
export class SearchConnection {
  @Field(() => [SearchEdge])
  edges: SearchEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  countTotal: () => Promise<number>;
}
