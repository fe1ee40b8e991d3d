import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../graphql/connection.types';
import { Article } from './article.entity';

@ObjectType()
export class ArticleEdge {
  @Field()
  cursor: string;

  @Field(() => Article)
  node: Article;
}

@ObjectType({ description: 'A page of articles (Relay connection).' })
export class ArticleConnection {
  @Field(() => [ArticleEdge])
  edges: ArticleEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  /** Counting costs a statement; only run when the client asks for totalCount. */
  countTotal: () => Promise<number>;
}
