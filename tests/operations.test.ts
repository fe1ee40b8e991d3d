import { openCore } from '../src/composition-root';
import { checkReadiness } from '../src/operations/operations.readiness';
import { RedisEventBus } from '../src/subscriptions/redis.pubsub';
import { articleDraft, createArticles } from './factories/article.factory';
import { freePort } from './helpers/free-port';
import { sample } from './helpers/prometheus';
import { testConfig } from './helpers/test-database';
import { startTestServer, type TestServer } from './helpers/test-server';
import { subscribe, waitUntil, wsClient } from './helpers/ws-client';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const LIST = 'query LatestList { articles(first: 3) { edges { node { title category { name } source { name } } } } }';
const PUBLISHED = 'subscription Live { articlePublished { cursor article { title } } }';

describe('operations endpoints, request ids and metrics', () => {
  let server: TestServer;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const metrics = async () => (await fetch(`${server.url}/metrics`)).text();

  beforeAll(async () => {
    // Polling every ten minutes: the outbox lag test controls when this instance reads.
    server = await startTestServer({ env: { SUBSCRIPTION_POLL_MS: '600000' } });
    await createArticles(server.app, [articleDraft(), articleDraft(), articleDraft()]);
  });
  afterAll(() => server.close());

  it('/healthz says the process is up; /readyz checks the database and migrations', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', migrations: 'ok', redis: 'not configured' });
  });

  it('/readyz reports draining, and a Redis that does not answer, as not ready', async () => {
    const { dataSource } = server.app;
    const draining = await checkReadiness({ dataSource, bus: {}, draining: () => true });
    expect(draining).toMatchObject({ ready: false, status: 'draining', checks: { database: 'ok', migrations: 'ok' } });

    const deadRedis = new RedisEventBus(`redis://127.0.0.1:${await freePort()}`, 'habari-test-dead', () => {});
    try {
      const result = await checkReadiness({ dataSource, bus: deadRedis, draining: () => false, timeoutMs: 1_000 });
      expect(result.ready).toBe(false);
      expect(result.status).toBe('unavailable');
      expect(result.checks.redis).not.toBe('ok');
      expect(result.checks.database).toBe('ok');
    } finally {
      await deadRedis.close();
    }

    const liveRedis = new RedisEventBus('redis://127.0.0.1:6379', 'habari-test-live', () => {});
    try {
      // A generous bound: connecting a fresh client on a loaded test host can take seconds.
      expect(await checkReadiness({ dataSource, bus: liveRedis, draining: () => false, timeoutMs: 15_000 })).toMatchObject({ ready: true, checks: { redis: 'ok' } });
    } finally {
      await liveRedis.close();
    }
  });

  it('/readyz answers 503 while migrations are pending', async () => {
    await server.app.dataSource.query(`DELETE FROM migrations WHERE id = (SELECT MAX(id) FROM migrations)`);
    try {
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'unavailable', database: 'ok', migrations: expect.stringContaining('pending') });
    } finally {
      // Putting the row back: the migration's tables are all there.
      await server.app.dataSource.runMigrations({ transaction: 'each', fake: true });
    }
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it("keeps a caller's x-request-id, returns it, and puts it in GraphQL errors", async () => {
    const response = await post({ query: '{ articles(first: 500) { totalCount } }' }, { 'x-request-id': 'edge-7f3a.42' });
    expect(response.headers.get('x-request-id')).toBe('edge-7f3a.42');
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_TOO_LARGE', requestId: 'edge-7f3a.42' });
  });

  it('gives every request an id, replacing one that is not safe to log', async () => {
    const generated = await post({ query: '{ __typename }' });
    expect(generated.headers.get('x-request-id')).toMatch(UUID);
    const unsafe = await post({ query: '{ nope }' }, { 'x-request-id': '"}{"level":"fatal"' });
    const id = unsafe.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect(((await unsafe.json()) as any).errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', requestId: id });
    expect((await fetch(`${server.url}/healthz`)).headers.get('x-request-id')).toMatch(UUID);
    expect((await fetch(`${server.url}/nowhere`)).headers.get('x-request-id')).toMatch(UUID);
  });

  it('counts operations by name and type, errors by code, and SQL statements per operation', async () => {
    const before = await metrics();
    const count = (text: string) => sample(text, 'habari_graphql_request_duration_seconds_count', { operation_name: 'LatestList', operation_type: 'query' }) ?? 0;
    const errors = (text: string, code: string) => sample(text, 'habari_graphql_errors_total', { code }) ?? 0;
    // Three different documents of one operation: the response cache answers repeats before Apollo (counted as cache hits).
    for (let i = 0; i < 3; i += 1) expect(((await (await post({ query: `${LIST} # ${i}` })).json()) as any).errors).toBeUndefined();
    await post({ query: '{ articles(first: -1) { totalCount } }' });
    await post({ query: '{ articles(first: 500) { totalCount } }' });
    await post({ query: '{ nope }' });

    const after = await metrics();
    expect(count(after) - count(before)).toBe(3);
    expect(errors(after, 'BAD_USER_INPUT') - errors(before, 'BAD_USER_INPUT')).toBe(2);
    expect(errors(after, 'GRAPHQL_VALIDATION_FAILED') - errors(before, 'GRAPHQL_VALIDATION_FAILED')).toBe(1);
    // The list, its categories, sources (and images): the DataLoaders batch each relation into one statement.
    const statements = (text: string) => sample(text, 'habari_graphql_sql_statements_sum', { operation_name: 'LatestList' }) ?? 0;
    const observed = (text: string) => sample(text, 'habari_graphql_sql_statements_count', { operation_name: 'LatestList' }) ?? 0;
    expect(observed(after) - observed(before)).toBe(3);
    const perOperation = (statements(after) - statements(before)) / 3;
    const probe = server.app.statements.total;
    await post({ query: LIST });
    expect(perOperation).toBe(server.app.statements.total - probe);
    expect(perOperation).toBeGreaterThan(0);
    expect(sample(after, 'habari_sql_statements_total', { cause: 'request' })).toBeGreaterThan(0);
  });

  it('exports the default process metrics with the habari_ prefix', async () => {
    const text = await metrics();
    expect(sample(text, 'habari_process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'habari_nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(text).toContain('# TYPE habari_cache_hits_total counter');
    expect(text).toContain('# TYPE habari_rate_limited_total counter');
  });

  it('counts cache hits and misses, and requests the rate limit refused', async () => {
    const hits = (text: string) => sample(text, 'habari_cache_hits_total', { cache: 'response' }) ?? 0;
    const misses = (text: string) => sample(text, 'habari_cache_misses_total', { cache: 'response' }) ?? 0;
    const before = await metrics();
    const query = { query: '{ categories(language: "sw") { slug } }' };
    for (let i = 0; i < 3; i += 1) expect((await post(query)).status).toBe(200);
    const after = await metrics();
    expect(misses(after) - misses(before)).toBe(1);
    expect(hits(after) - hits(before)).toBe(2);

    const limited = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '1' } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await fetch(`${limited.url}/graphql?query=%7B__typename%7D`, { headers: { 'apollo-require-preflight': '1' } })).status);
      expect(statuses).toEqual([200, 429, 429]);
      const text = await (await fetch(`${limited.url}/metrics`)).text();
      expect(sample(text, 'habari_rate_limited_total', { limit: 'requests_per_minute' })).toBe(2);
    } finally {
      await limited.close();
    }
  });

  it('gauges websocket connections and subscriptions, and counts events delivered', async () => {
    const client = wsClient(server.url);
    try {
      const first = subscribe(client, PUBLISHED);
      const second = subscribe(client, PUBLISHED);
      await waitUntil(() => server.app.subscriptions.operationCount === 2);
      const live = await metrics();
      expect(sample(live, 'habari_websocket_connections')).toBe(1);
      expect(sample(live, 'habari_subscriptions_active')).toBe(2);
      const delivered = sample(live, 'habari_subscription_events_delivered_total') ?? 0;
      await createArticles(server.app, [articleDraft({ title: 'Habari za metriki' })]);
      await first.waitFor(1);
      await second.waitFor(1);
      expect(sample(await metrics(), 'habari_subscription_events_delivered_total')).toBe(delivered + 2);
    } finally {
      await client.dispose();
    }
    await waitUntil(() => server.app.subscriptions.connectionCount === 0);
    const closed = await metrics();
    expect(sample(closed, 'habari_websocket_connections')).toBe(0);
    expect(sample(closed, 'habari_subscriptions_active')).toBe(0);
  });

  it('gauges the related-index queue and the outbox events this instance has not delivered yet', async () => {
    // Tests run without the background indexer, so every article written so far is still queued.
    const queued = await server.app.repositories.related.queuedCount();
    expect(queued).toBeGreaterThan(0);
    const text = await metrics();
    expect(sample(text, 'habari_related_queue_length')).toBe(queued);
    expect(sample(text, 'habari_outbox_lag_events')).toBe(0);

    // Another process's write, not announced to this instance: it waits for the next poll.
    const other = await openCore(testConfig(server.app.config.database));
    try {
      await createArticles(other, [articleDraft(), articleDraft()]);
    } finally {
      await other.close();
    }
    expect(sample(await metrics(), 'habari_outbox_lag_events')).toBe(2);
    await server.app.subscriptions.feed.poll();
    expect(sample(await metrics(), 'habari_outbox_lag_events')).toBe(0);
  });
});
