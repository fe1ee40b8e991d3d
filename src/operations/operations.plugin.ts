import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { StatementCounter } from '../db/statement-counter';
import { isUnexpectedError } from '../graphql/format-error';
import type { Logger } from '../logging/logger';
import type { HabariMetrics } from './operations.metrics';
import { OperationLabels } from './operation-label';

/** What the plugin needs from the GraphQL context: the request's id and its logger. */
export interface OperationContext extends BaseContext {
  requestId: string;
  log: Logger;
}

/**
 * Per-operation bookkeeping in Apollo's request hooks, never per field:
 * duration by operation name and type, errors by `extensions.code`, SQL
 * statements per operation, the request id in every error's extensions, and
 * unexpected errors logged with that id.
 *
 * The statement counter is process-wide, so a count is only exact for an
 * operation that ran while no other did; only those are observed.
 */
export function operationsPlugin(metrics: HabariMetrics, statements: StatementCounter): ApolloServerPlugin<OperationContext> {
  const labels = new OperationLabels();
  let running = 0;
  let started = 0;
  return {
    async requestDidStart() {
      const startedAt = performance.now();
      const alone = running === 0;
      running += 1;
      const startOrdinal = ++started;
      const statementsBefore = statements.total;
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) if (isUnexpectedError(error)) contextValue.log.error({ err: error }, 'unexpected error in a GraphQL operation');
        },
        async willSendResponse({ response, operationName, operation, contextValue }) {
          running -= 1;
          const name = labels.of(operationName ?? operation?.name?.value);
          const type = operation?.operation ?? 'none';
          const seconds = (performance.now() - startedAt) / 1000;
          metrics.requestDuration.observe({ operation_name: name, operation_type: type }, seconds);
          if (alone && started === startOrdinal) metrics.statementsPerOperation.observe({ operation_name: name }, statements.total - statementsBefore);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          contextValue.log.debug({ operation: name, type, ms: Math.round(seconds * 1000), errors: errors?.length ?? 0 }, 'graphql operation');
          if (response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          if (!singleResult.errors?.length) return;
          countErrors(metrics, singleResult.errors);
          singleResult.errors = singleResult.errors.map((error) => ({ ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } }));
        },
      };
    },
  };
}

export function countErrors(metrics: HabariMetrics, errors: readonly GraphQLFormattedError[]): void {
  for (const error of errors) metrics.errors.inc({ code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
}
