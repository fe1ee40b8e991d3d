import type { ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import { sendJson } from '../http/graphql-http.handler';
import type { EventBus } from '../subscriptions/memory.pubsub';
import type { HabariMetrics } from './operations.metrics';
import { checkReadiness } from './operations.readiness';

export interface OperationsEndpointDeps {
  dataSource: DataSource;
  bus: Pick<EventBus<Record<string, unknown>>, 'ping'>;
  metrics: HabariMetrics;
  draining(): boolean;
}

/**
 * `/healthz` (the process is up: restart me if not), `/readyz` (send me
 * traffic) and `/metrics` (Prometheus text). Returns null for other paths.
 */
export function createOperationsEndpoints(deps: OperationsEndpointDeps) {
  return (pathname: string, res: ServerResponse): Promise<void> | null => {
    switch (pathname) {
      case '/healthz':
        sendJson(res, 200, { status: 'ok' });
        return Promise.resolve();
      case '/readyz':
        return checkReadiness(deps).then(({ ready, status, checks }) => sendJson(res, ready ? 200 : 503, { status, ...checks }));
      case '/metrics':
        return deps.metrics.render().then((text) => {
          res.writeHead(200, { 'content-type': deps.metrics.contentType, 'cache-control': 'no-store' });
          res.end(text);
        });
      default:
        return null;
    }
  };
}
