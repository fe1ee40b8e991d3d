import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError } from '../errors/error.catalogue';

export interface ErrorFormatOptions {
  /** Production: graphql-js's "Did you mean ...?" would spell out a schema that introspection need not. */
  hideSuggestions?: boolean;
}

const SUGGESTION = / ?Did you mean .+\?$/;

/** An error that is not ours to explain to the client (a driver error, a bug): it is logged and masked. */
export function isUnexpectedError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return false;
  const code = (original as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return !code || code === 'INTERNAL_SERVER_ERROR';
}

/**
 * Catalogue errors and GraphQL's own validation errors reach the client as
 * they are; anything unexpected (a driver error, a bug) is logged and masked,
 * so SQL or stack traces never leak. Over HTTP the operations plugin logs
 * instead (with the request id), so `log` is optional.
 */
export function createErrorFormatter(log: (error: unknown) => void = () => {}, options: ErrorFormatOptions = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      // `http` is for Apollo (the status); it is not part of the answer.
      const { http: _http, ...extensions } = original.extensions;
      return { ...formatted, extensions };
    }
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') {
      return options.hideSuggestions && SUGGESTION.test(formatted.message) ? { ...formatted, message: formatted.message.replace(SUGGESTION, '') } : formatted;
    }
    log(original);
    return {
      message: 'Something went wrong on our side; it has been logged. Try again, and tell the API team if it persists.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
