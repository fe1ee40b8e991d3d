import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { ArticleConnectionResolver, ArticleResolver } from '../articles/article.resolver';
import { CategoryResolver } from '../categories/category.resolver';
import { ImageResolver } from '../images/image.resolver';
import { ImportResolver } from '../importing/import.resolver';
import { SourceResolver } from '../sources/source.resolver';
import { ArticleEventResolver } from '../subscriptions/article-event.resolver';
import { MemoryPubSub } from '../subscriptions/memory.pubsub';
import { NodeResolver } from './node.resolver';
import { SearchResolver } from '../search/search.resolver';
import { ArticleRelatedResolver } from '../related/related.resolver';
import { SyncResolver } from '../sync/sync.resolver';
import { ArticleTopicsResolver } from '../topics/topics.resolver';
import { ArticleReadMoreResolver, ReadMoreMutationResolver } from '../readmore/readmore.resolver';
import { ApiKeyResolver } from '../auth/auth.resolver';
import { EditorialResolver } from '../editorial/editorial.resolver';

export const resolvers = [
  ArticleResolver,
  ArticleConnectionResolver,
  CategoryResolver,
  SourceResolver,
  ImageResolver,
  NodeResolver,
  ArticleEventResolver,
  ImportResolver,
  SearchResolver,
  ArticleRelatedResolver,
  ArticleReadMoreResolver,
  ReadMoreMutationResolver,
  EditorialResolver,
  ApiKeyResolver,
  SyncResolver,
  ArticleTopicsResolver,
] as const;

/** Our subscriptions bring their own streams (`subscribe`), so the pubSub type-graphql insists on is only a default. */
export function buildHabariSchema(pubSub: PubSub = new MemoryPubSub()): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, pubSub, validate: false, emitSchemaFile: false });
}

/** The text checked in as schema.graphql: sorted, so diffs show real changes only. */
export function printHabariSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
