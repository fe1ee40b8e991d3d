import { randomBytes } from 'node:crypto';
import { sample } from './helpers/prometheus';
import { startTestServer, type TestServer } from './helpers/test-server';
import { subscribe, waitUntil, wsClient } from './helpers/ws-client';

const IMPORT = `mutation Write($text: String!) {
  importArticle(text: $text, format: TSV, language: "sw", publish: true) { created articles { id slug title } }
}`;
const PUBLISHED = 'subscription Live { articlePublished(filter: { language: "sw" }) { cursor article { id title } } }';
const tsv = (title: string) => `category\theadline\ttext\turl\nsiasa\t${title}\tMaandishi ya ${title.toLowerCase()} kwa wasomaji wa mifano yote.\thttps://example.org/${encodeURIComponent(title)}\n`;

/**
 * Two instances, as the README's "Several instances" section runs them: one
 * database, one Redis, nothing else shared. What a client does on one is
 * seen on the other: reads after writes, and live events. Polling is ten
 * minutes, so a live event that arrives within seconds came over Redis.
 */
describe('two instances on one database and one Redis', () => {
  const env = {
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_CHANNEL_PREFIX: `habari-test-${randomBytes(6).toString('hex')}`,
    SUBSCRIPTION_POLL_MS: '600000',
  };
  let a: TestServer;
  let b: TestServer;
  const clients: Array<{ dispose(): void | Promise<void> }> = [];

  let key: string;
  beforeAll(async () => {
    a = await startTestServer({ env });
    b = await startTestServer({ env, database: a.app.config.database });
    // Keys live in the shared database: one key writes through either instance.
    key = await a.createKey('editor');
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await b?.close();
    await a?.close();
  });

  it('both are ready, each checking the shared database and Redis', async () => {
    for (const server of [a, b]) {
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', migrations: 'ok', redis: 'ok' });
    }
  });

  it('reads on one instance what a mutation wrote through the other, both ways', async () => {
    const fromA = await a.query(IMPORT, { text: tsv('Imeandikwa kupitia A') }, key);
    expect(fromA.errors).toBeUndefined();
    const { slug } = fromA.data.importArticle.articles[0];
    const onB = await b.query(`{ article(slug: "${slug}", language: "sw") { title } }`);
    expect(onB.data.article).toEqual({ title: 'Imeandikwa kupitia A' });

    const fromB = await b.query(IMPORT, { text: tsv('Imeandikwa kupitia B') }, key);
    expect(fromB.errors).toBeUndefined();
    const list = await a.query('{ articles(first: 5) { totalCount edges { node { title } } } }');
    expect(list.data.articles.totalCount).toBe(2);
    expect(list.data.articles.edges.map((e: any) => e.node.title).sort()).toEqual(['Imeandikwa kupitia A', 'Imeandikwa kupitia B']);
  });

  it("delivers a mutation on one instance to the other's subscribers, over Redis", async () => {
    const clientA = wsClient(a.url);
    const clientB = wsClient(b.url);
    clients.push(clientA, clientB);
    const onA = subscribe(clientA, PUBLISHED);
    const onB = subscribe(clientB, PUBLISHED);
    await waitUntil(() => a.app.subscriptions.operationCount === 1 && b.app.subscriptions.operationCount === 1);

    const written = await a.query(IMPORT, { text: tsv('Tukio kutoka A') }, key);
    const [event] = await onB.waitFor(1, 3_000);
    expect(event.articlePublished.article).toEqual({ id: written.data.importArticle.articles[0].id, title: 'Tukio kutoka A' });
    expect((await onA.waitFor(1, 3_000))[0]).toEqual(event);

    await b.query(IMPORT, { text: tsv('Tukio kutoka B') }, key);
    const events = await onA.waitFor(2, 3_000);
    expect(events[1].articlePublished.article.title).toBe('Tukio kutoka B');
    expect((await onB.waitFor(2, 3_000))[1]).toEqual(events[1]);
  });

  it('keeps metrics per instance: each counts its own operations and deliveries', async () => {
    const [textA, textB] = await Promise.all([a, b].map(async (server) => (await fetch(`${server.url}/metrics`)).text()));
    const writes = (text: string) => sample(text, 'habari_graphql_request_duration_seconds_count', { operation_name: 'Write', operation_type: 'mutation' });
    expect(writes(textA)).toBe(2);
    expect(writes(textB)).toBe(2);
    expect(sample(textA, 'habari_subscription_events_delivered_total')).toBe(2);
    expect(sample(textB, 'habari_subscription_events_delivered_total')).toBe(2);
    expect(sample(textA, 'habari_websocket_connections')).toBe(1);
    expect(sample(textB, 'habari_outbox_lag_events')).toBe(0);
  });
});
