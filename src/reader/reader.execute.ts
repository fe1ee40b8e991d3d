import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
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
 * validation rules, limits and error formatting as a client's request.
 */
export function createReaderOperationRunner(apollo: ApolloServer<GraphQLContext>, context: () => Promise<GraphQLContext>): ReaderOperationRunner {
  return async (name, variables) => {
    const response = await apollo.executeOperation(
      { query: READER_QUERIES[name], operationName: name, variables },
      { contextValue: await context() },
    );
    if (response.body.kind !== 'single') throw new Error(`${name} answered incrementally; the reader expects one result`);
    const { data, errors } = response.body.singleResult;
    return { data, errors };
  };
}
