import depthLimit from 'graphql-depth-limit';
import type { ParseOptions, ValidationRule } from 'graphql';

/**
 * Hard limits on hostile queries, checked before anything executes: nesting
 * depth (article -> related -> article -> related ... grows exponentially) and
 * document size in tokens (huge alias lists). The limits are far above what
 * the playground's and the apps' queries need; introspection is exempt.
 */
export const MAX_QUERY_DEPTH = 12;
export const MAX_QUERY_TOKENS = 5000;

export const queryLimitRules: ValidationRule[] = [depthLimit(MAX_QUERY_DEPTH, { ignore: [/^__/] })];

export const queryParseOptions: ParseOptions = { maxTokens: MAX_QUERY_TOKENS };
