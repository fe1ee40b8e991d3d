import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { LimitsConfig } from '../config';
import { AppError, Errors } from '../errors/error.catalogue';
import { costOfOperation, operationCost } from './query-cost';

/**
 * Limits on every operation, checked before any resolver runs, the same for
 * HTTP (Apollo) and websockets (graphql-ws):
 * - parsing stops after `maxQueryTokens` tokens (graphql-js `maxTokens`);
 * - validation adds GraphQL Armor's max-depth, max-aliases and max-directives
 *   to graphql-js's rules (which already hold introspection depth and refuse
 *   fragment cycles; Armor's rules stop at a cycle instead of recursing);
 * - the cost (src/graphql/query-cost.ts) is checked during validation when
 *   it needs no variables, else once the operation is known: Apollo's
 *   didResolveOperation, and graphql-ws's onSubscribe;
 * - text containing U+0000 is refused (PostgreSQL cannot store it).
 */
export interface QueryLimits {
  readonly parseOptions: ParseOptions;
  readonly validationRules: ValidationRule[];
  /** The cost check for Apollo: throws a 400 GRAPHQL_VALIDATION_FAILED before execution. */
  readonly apolloPlugin: ApolloServerPlugin;
  /** Null when the operation is within the cost limit. */
  costError(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null, variables?: Readonly<Record<string, unknown>> | null): AppError | null;
  /** Parse, validate and cost-check a websocket operation: the document, or the errors to answer with. */
  check(schema: GraphQLSchema, payload: OperationPayload): { document: DocumentNode } | { errors: readonly GraphQLError[] };
}

export interface OperationPayload {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

export function createQueryLimits(limits: LimitsConfig): QueryLimits {
  // Armor's rules report "Syntax Error: ... limit of N exceeded, found M.": report our catalogue's error instead.
  const reportAs = (make: (found: number, limit: number) => AppError, limit: number) => ({
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = Number(/found (-?\d+)/.exec(error.message)?.[1] ?? limit + 1);
        context?.reportError(make(found, limit));
      },
    ],
  });
  // Only Armor's validation rules: tokens are graphql-js's own parse option (no second parse), the cost is ours
  // (see query-cost.ts), and suggestions are hidden by our error formatter, which websockets share.
  const { validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxQueryDepth, flattenFragments: true, ignoreIntrospection: true, ...reportAs(Errors.queryTooDeep, limits.maxQueryDepth) },
    maxAliases: { n: limits.maxQueryAliases, ...reportAs(Errors.tooManyAliases, limits.maxQueryAliases) },
    maxDirectives: { n: limits.maxQueryDirectives, ...reportAs(Errors.tooManyDirectives, limits.maxQueryDirectives) },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const parseOptions: ParseOptions = { maxTokens: limits.maxQueryTokens };

  // Apollo hands back the same DocumentNode for a query it has seen, so a cost that needs no variables is computed
  // once: by the validation rule below, which reports it beside the other validation errors.
  const knownCosts = new WeakMap<DocumentNode, Map<string, number>>();
  const remember = (document: DocumentNode, operationName: string | null | undefined, cost: number) => {
    const perOperation = knownCosts.get(document) ?? new Map<string, number>();
    perOperation.set(operationName ?? '', cost);
    knownCosts.set(document, perOperation);
  };
  const tooCostly = (cost: number) => (cost > limits.maxQueryCost ? Errors.queryTooCostly(Math.ceil(cost), limits.maxQueryCost) : null);
  const costError: QueryLimits['costError'] = (schema, document, operationName, variables) => {
    let cost = knownCosts.get(document)?.get(operationName ?? '');
    if (cost === undefined) {
      const computed = operationCost(schema, document, operationName, variables);
      cost = computed.cost;
      if (!computed.usesVariables) remember(document, operationName, cost);
    }
    return tooCostly(cost);
  };
  // PostgreSQL cannot hold U+0000 in text (SQLite can): refused up front, the same on both, rather than failing in SQL.
  const nulRule: ValidationRule = (context) => ({
    StringValue(node) {
      if (node.value.includes('\u0000')) context.reportError(Errors.nulCharacter());
    },
  });
  validationRules.push(nulRule);
  const costRule: ValidationRule = (context) => ({
    OperationDefinition(operation) {
      const document = context.getDocument();
      const { cost, usesVariables } = costOfOperation(context.getSchema(), document, operation);
      if (usesVariables) return;
      remember(document, operation.name?.value, cost);
      const error = tooCostly(cost);
      if (error) context.reportError(error);
    },
  });
  validationRules.push(costRule);

  const apolloPlugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          const error = costError(schema, document, operationName, request.variables) ?? variablesError(request.variables);
          if (error) throw error;
        },
      };
    },
  };

  const rules = [...specifiedRules, ...validationRules];
  const check: QueryLimits['check'] = (schema, payload) => {
    let document: DocumentNode;
    try {
      document = parse(payload.query, parseOptions);
    } catch (error) {
      return { errors: [withCode(error instanceof GraphQLError ? error : new GraphQLError(String(error)), 'GRAPHQL_PARSE_FAILED')] };
    }
    const errors = validate(schema, document, rules);
    if (errors.length) return { errors: errors.map((error) => (error instanceof AppError ? error : withCode(error, 'GRAPHQL_VALIDATION_FAILED'))) };
    const refused = costError(schema, document, payload.operationName, payload.variables) ?? variablesError(payload.variables);
    return refused ? { errors: [refused] } : { document };
  };

  return { parseOptions, validationRules, apolloPlugin, costError, check };
}

/** A NUL character anywhere in the variables; walked without recursion, as variables may nest very deep. */
function variablesError(variables: unknown): AppError | null {
  const pending: unknown[] = [variables];
  while (pending.length) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return Errors.nulCharacter();
    } else if (Array.isArray(value)) for (const item of value) pending.push(item);
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) pending.push(key, item);
  }
  return null;
}

/** Apollo's codes for graphql-js's own parse and validation errors, so websocket clients see the same answers as HTTP ones. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}
