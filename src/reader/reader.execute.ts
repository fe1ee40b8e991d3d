import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { CacheScope } from '../caching/cache.scope';
import { ResponseCache } from '../caching/response-cache';
import type { GraphQLContext } from '../graphql/context';
import { READER_QUERIES, type ReaderQueryName } from './reader.operations';

export interface ReaderResult<TData = any> {
  data?: TData | null;
  errors?: readonly GraphQLFormattedError[];
}

/**
 * The one function through which the reader reads: a named operation from
 * reader.operations.ts and its variables, in, the GraphQL result, out. This is
 * the seam for the response cache: wrap it, keyed by (name or document hash,
 * variables), and every page is cached exactly like the same query over HTTP.
 */
export type ReaderOperationRunner = (name: ReaderQueryName, variables: Record<string, unknown>) => Promise<ReaderResult>;

/**
 * Runs the operations through Apollo in-process, with a fresh context (new
 * DataLoaders) per call, exactly as an HTTP request gets one: the same
 * validation rules, limits and error formatting as a client's request. With
 * a response cache, the operation's result is looked up and stored with the
 * same tags an HTTP answer of the same query would carry, so every change
 * that drops the app's cached answer drops the page's data with it.
 */
export function createReaderOperationRunner(
  apollo: ApolloServer<GraphQLContext>,
  context: (req?: undefined, cacheScope?: CacheScope) => Promise<GraphQLContext>,
  cache: ResponseCache | null = null,
  options: { ttlMs: number } = { ttlMs: 0 },
): ReaderOperationRunner {
  return async (name, variables) => {
    const query = READER_QUERIES[name];
    // The variant is what an HTTP client's Accept header would be: a JSON answer.
    const key = cache ? ResponseCache.keyOf({ query, operationName: name, variables, variant: READER_VARIANT }) : null;
    const hit = key ? cache!.lookup(key) : undefined;
    if (hit) return JSON.parse(hit.body.toString('utf8')) as ReaderResult;
    const ticket = cache?.ticket() ?? 0;
    const scope = new CacheScope();
    const response = await apollo.executeOperation({ query, operationName: name, variables }, { contextValue: await context(undefined, scope) });
    if (response.body.kind !== 'single') throw new Error(`${name} answered incrementally; the reader expects one result`);
    const { data, errors } = response.body.singleResult;
    const result: ReaderResult = { data, errors };
    if (cache && key && scope.cacheable && !errors?.length) {
      cache.store(key, JSON.stringify(result), 'application/json; charset=utf-8', scope.allTags(), ticket, scope.timeBound ? { ttlMs: options.ttlMs } : {});
    }
    return result;
  };
}

/** The key variant reader answers are stored under (see requestKey: the Accept header of the request). */
const READER_VARIANT = 'reader';
