import { GraphQLError } from 'graphql';

/**
 * One catalogue of every error a client can see. `extensions.code` is the
 * coarse, stable class (Apollo's conventional codes); `extensions.reason` is
 * the stable, specific cause a client can switch on. Messages say what to fix.
 */
export type ErrorClass =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'TOO_MANY_REQUESTS';

export class AppError extends GraphQLError {
  constructor(
    readonly errorClass: ErrorClass,
    readonly reason: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code: errorClass, reason, ...details } });
    this.name = 'AppError';
  }
}

/** Refused before anything ran: HTTP 400, like graphql-js's own validation errors. */
const refused = (reason: string, message: string, details?: Record<string, unknown>) =>
  new AppError('GRAPHQL_VALIDATION_FAILED', reason, message, { ...details, http: { status: 400 } });

const input = (reason: string, message: string, details?: Record<string, unknown>) =>
  new AppError('BAD_USER_INPUT', reason, message, details);

export const Errors = {
  pageSizeTooLarge: (argument: string, max: number, got: number) =>
    input('PAGE_SIZE_TOO_LARGE', `\`${argument}\` is ${got}, but at most ${max} items can be requested at once: ask for ${max} or fewer and page with the cursor.`, { argument, max }),
  pageSizeNegative: (argument: string, got: number) =>
    input('PAGE_SIZE_NEGATIVE', `\`${argument}\` is ${got}: it must be 0 or more.`, { argument }),
  conflictingPagination: () =>
    input('CONFLICTING_PAGINATION', 'Use `first`/`after` to page forward or `last`/`before` to page backward, not both at once.'),
  invalidCursor: (argument: string) =>
    input('INVALID_CURSOR', `\`${argument}\` is not a cursor this list gave out: pass an \`endCursor\`/\`startCursor\` or edge \`cursor\` from the same query and ordering.`, { argument }),
  unknownLanguage: (tag: string, supported: readonly string[]) =>
    input('UNKNOWN_LANGUAGE', `"${tag}" is not a language Habari publishes in: use one of ${supported.join(', ')} (BCP 47 codes).`, { supported }),
  invalidEventCursor: (argument: string) =>
    input('INVALID_CURSOR', `\`${argument}\` is not an event cursor: pass the \`cursor\` of an ArticleEvent this API sent, or omit it to receive new events only.`, { argument }),
  eventCursorExpired: (argument: string, retentionDays: number) =>
    input(
      'CURSOR_EXPIRED',
      `\`${argument}\` points to an event older than the ${retentionDays} days of events this API keeps, so events after it cannot all be replayed: reload what you show, then subscribe without \`${argument}\`.`,
      { argument, retentionDays },
    ),
  changesCursorExpired: (argument: string, retentionDays: number) =>
    input(
      'CURSOR_EXPIRED',
      `\`${argument}\` points to an event older than the ${retentionDays} days of events this API keeps, so the changes after it cannot all be listed: reload what you keep offline, then ask for \`changes\` from the \`endCursor\` of an empty call (or subscribe).`,
      { argument, retentionDays },
    ),
  tooManySubscriptions: (max: number) =>
    input('TOO_MANY_SUBSCRIPTIONS', `This connection already has ${max} operations running: complete one first, or open another connection.`, { max }),
  subscriptionsNeedWebSocket: () =>
    input('SUBSCRIPTIONS_NEED_WEBSOCKET', 'Subscriptions are served over WebSocket (graphql-transport-ws protocol) at the same /graphql URL, not over HTTP.'),
  invalidGlobalId: (id: string) =>
    input('INVALID_ID', `"${id}" is not a Habari ID: pass the \`id\` field of an object this API returned.`),
  articleLookupNeedsKey: () =>
    input('ARTICLE_LOOKUP_NEEDS_KEY', '`article` needs either `id`, or `slug` together with `language`.'),
  invalidDateRange: () =>
    input('INVALID_DATE_RANGE', '`publishedAfter` must be earlier than `publishedBefore`.'),
  countOutOfRange: (argument: string, max: number, got: number, what: string) =>
    input('COUNT_OUT_OF_RANGE', `\`${argument}\` is ${got}: ask for 0 to ${max} ${what}.`, { argument, max }),
  invalidArgument: (argument: string, problem: string) =>
    input('INVALID_ARGUMENT', `\`${argument}\` ${problem}`, { argument }),
  searchQuery: (reason: string, message: string) => input(reason, message, { argument: 'query' }),
  queryTooDeep: (found: number, limit: number) =>
    refused('QUERY_TOO_DEEP', `The operation nests fields ${found} levels deep; at most ${limit} are allowed: fetch the deeper data with a second query.`, { found, limit }),
  tooManyAliases: (found: number, limit: number) =>
    refused('TOO_MANY_ALIASES', `The operation uses ${found} aliases; at most ${limit} are allowed: ask for lists with \`first\` instead of repeating fields under aliases.`, { found, limit }),
  tooManyDirectives: (found: number, limit: number) =>
    refused('TOO_MANY_DIRECTIVES', `The operation uses ${found} directives; at most ${limit} are allowed.`, { found, limit }),
  queryTooCostly: (cost: number, limit: number) =>
    refused(
      'QUERY_TOO_COSTLY',
      `The operation could return ${cost.toLocaleString('en')} cost units (each object counts 1, an article body 20, and everything under a list counts as many times as its \`first\` asks); the limit is ${limit.toLocaleString('en')}: ask for fewer items per list, or split the operation.`,
      { cost, limit },
    ),
  nulCharacter: () =>
    input('NUL_CHARACTER', 'A text argument contains the NUL character (U+0000), which no text field can hold: remove it.', { http: { status: 400 } }),
  bodyTooLarge: (limit: number) =>
    new AppError('BAD_REQUEST', 'BODY_TOO_LARGE', `The request body is over ${limit.toLocaleString('en')} bytes, the most this API accepts from this client: send a smaller operation (or import large files with an editor key or the CLI).`, { limit }),
  rateLimited: (perMinute: number, retryAfterSeconds: number) =>
    new AppError('TOO_MANY_REQUESTS', 'RATE_LIMITED', `Too many requests: this client may send ${perMinute} per minute. Retry after ${retryAfterSeconds} s.`, { limit: perMinute, retryAfterSeconds }),
  missingKey: () =>
    new AppError('UNAUTHENTICATED', 'MISSING_KEY', 'This operation needs an API key: send `Authorization: Bearer <key>` (over WebSocket: `{ "authorization": "Bearer <key>" }` in connection_init). An admin creates keys with `habari keys create`.'),
  invalidKey: () =>
    new AppError('UNAUTHENTICATED', 'INVALID_KEY', 'The API key in `Authorization` is unknown or revoked: ask an admin for a current key, or send no `Authorization` header to read public content.'),
  roleRequired: (role: string, have: string) =>
    new AppError('FORBIDDEN', 'ROLE_REQUIRED', `This operation needs a key with the ${role} role; yours has the ${have} role. Ask an admin.`, { requiredRole: role }),
  invalidInput: (fields: ReadonlyArray<{ field: string; problem: string }>) =>
    input(
      'INVALID_INPUT',
      `${fields.length === 1 ? 'One field needs' : `${fields.length} fields need`} fixing: ${fields.map((f) => `\`${f.field}\` ${f.problem}`).join(' ')}`,
      { fields },
    ),
  staleVersion: (currentVersion: number, sentVersion: number) =>
    new AppError(
      'CONFLICT',
      'STALE_VERSION',
      `The article is at version ${currentVersion}, but you edited version ${sentVersion}: someone saved it since. Reload it, apply your changes again, and send version ${currentVersion}.`,
      { currentVersion },
    ),
  notFound: (what: string) => new AppError('NOT_FOUND', 'NOT_FOUND', `${what} does not exist.`),
  conflict: (reason: string, message: string, details?: Record<string, unknown>) => new AppError('CONFLICT', reason, message, details),
} as const;

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
