import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { StatementCounter } from '../db/statement-counter';

/** Read at scrape time: what the server's parts report about themselves. */
export interface MetricSources {
  statements: StatementCounter;
  websocketConnections(): number;
  activeSubscriptions(): number;
  /** Committed outbox events this instance has not handed to its subscribers yet. */
  outboxLag(): Promise<number>;
  relatedQueueLength(): Promise<number>;
}

const PREFIX = 'habari_';

/**
 * One Prometheus registry per app (tests build several apps in one process),
 * served at /metrics. Counters other features increment are named fields:
 * `cacheHits`, `cacheMisses` (label `cache`) and `rateLimited` (label `limit`).
 */
export class HabariMetrics {
  readonly registry = new Registry();

  readonly requestDuration = new Histogram({
    name: `${PREFIX}graphql_request_duration_seconds`,
    help: 'GraphQL operations over HTTP, from request start to response, by operation name and type',
    labelNames: ['operation_name', 'operation_type'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: `${PREFIX}graphql_errors_total`,
    help: 'GraphQL errors sent to clients (HTTP and websockets), by extensions.code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly statementsPerOperation = new Histogram({
    name: `${PREFIX}graphql_sql_statements`,
    help: 'SQL statements one GraphQL operation ran, by operation name (observed for operations that had the database to themselves, so each value is exact)',
    labelNames: ['operation_name'] as const,
    buckets: [0, 1, 2, 3, 4, 6, 8, 12, 16, 25, 50, 100],
    registers: [this.registry],
  });

  readonly eventsDelivered = new Counter({
    name: `${PREFIX}subscription_events_delivered_total`,
    help: 'Subscription results sent to websocket clients',
    registers: [this.registry],
  });

  readonly cacheHits = new Counter({
    name: `${PREFIX}cache_hits_total`,
    help: 'Lookups answered from a cache, by cache',
    labelNames: ['cache'] as const,
    registers: [this.registry],
  });

  readonly cacheMisses = new Counter({
    name: `${PREFIX}cache_misses_total`,
    help: 'Lookups a cache could not answer, by cache',
    labelNames: ['cache'] as const,
    registers: [this.registry],
  });

  readonly rateLimited = new Counter({
    name: `${PREFIX}rate_limited_total`,
    help: 'Requests refused by a rate limit, by limit',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });

  private sources: MetricSources | null = null;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: PREFIX });
    const sources = () => this.sources;
    new Counter({
      name: `${PREFIX}sql_statements_total`,
      help: 'SQL statements run, by what caused them: requests or background work (indexers, outbox polling)',
      labelNames: ['cause'] as const,
      registers: [this.registry],
      collect() {
        const counter = sources()?.statements;
        if (!counter) return;
        this.reset();
        this.inc({ cause: 'request' }, counter.total);
        this.inc({ cause: 'background' }, counter.background);
      },
    });
    this.gauge('websocket_connections', 'Open websocket (graphql-ws) connections', (s) => s.websocketConnections());
    this.gauge('subscriptions_active', 'Running subscription operations on this instance', (s) => s.activeSubscriptions());
    this.gauge('outbox_lag_events', 'Committed article events this instance has not yet delivered to its subscribers', (s) => s.outboxLag());
    this.gauge('related_queue_length', 'Articles waiting for the related-articles indexer', (s) => s.relatedQueueLength());
  }

  /** Connects the scrape-time gauges once the parts they read exist. */
  bind(sources: MetricSources): void {
    this.sources = sources;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private gauge(name: string, help: string, read: (sources: MetricSources) => number | Promise<number>): void {
    const sources = () => this.sources;
    new Gauge({
      name: `${PREFIX}${name}`,
      help,
      registers: [this.registry],
      async collect() {
        const bound = sources();
        if (!bound) return;
        try {
          this.set(await read(bound));
        } catch {
          // A database that does not answer shows in /readyz; the rest of the scrape still works.
          this.reset();
        }
      },
    });
  }
}
