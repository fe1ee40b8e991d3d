export type SearchQueryErrorReason = 'EMPTY_QUERY' | 'QUERY_TOO_LONG' | 'NO_SEARCHABLE_TERMS';

/**
 * A search text the user has to change. The GraphQL layer maps it to
 * BAD_USER_INPUT and passes `reason` on as a stable code; `message` says what to fix.
 */
export class SearchQueryError extends Error {
  override readonly name = 'SearchQueryError';

  constructor(
    readonly reason: SearchQueryErrorReason,
    message: string,
  ) {
    super(message);
  }
}
