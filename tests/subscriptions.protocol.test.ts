import WebSocket from 'ws';
import { BoundedQueue } from '../src/subscriptions/bounded-queue';
import { openEventStream, type EventDelivery, type EventSource } from '../src/subscriptions/article-event.stream';
import { ArticleEventKind } from '../src/subscriptions/article-event.types';
import { CLOSE_TOO_SLOW } from '../src/subscriptions/subscription.server';
import { articleDraft, createArticles } from './factories/article.factory';
import { startTestServer, type TestServer } from './helpers/test-server';
import { subscribe, waitUntil, wsClient } from './helpers/ws-client';

const PROTOCOL = 'graphql-transport-ws';
const wsUrl = (server: TestServer, path = '/graphql') => `${server.url.replace(/^http/, 'ws')}${path}`;
const closeOf = (socket: WebSocket) => new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));

describe('graphql-ws protocol hygiene', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('closes a socket that never sends connection_init with 4408', async () => {
    const socket = new WebSocket(wsUrl(server), PROTOCOL);
    const closed = await closeOf(socket);
    expect(closed.code).toBe(4408);
  });

  it('refuses WebSocket upgrades on other paths', async () => {
    const socket = new WebSocket(wsUrl(server, '/elsewhere'), PROTOCOL);
    const error = await new Promise<Error>((resolve) => socket.once('error', resolve));
    expect(error.message).toContain('404');
  });

  it('allows 20 operations per connection and rejects the 21st with a clear error', async () => {
    const client = wsClient(server.url);
    try {
      const subs = Array.from({ length: 20 }, () => subscribe(client, 'subscription { articlePublished { article { title } } }'));
      await waitUntil(() => server.app.subscriptions.feed.subscriberCount === 20);
      const extra = subscribe(client, 'subscription { articleUpdated { cursor } }');
      await waitUntil(() => extra.errors.length > 0);
      expect(extra.errors[0]).toMatchObject({ message: expect.stringContaining('20 operations'), extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_MANY_SUBSCRIPTIONS' } });
      await createArticles(server.app, [articleDraft({ title: 'Kwa wote ishirini' })]);
      for (const sub of subs) expect((await sub.waitFor(1))[0].articlePublished.article.title).toBe('Kwa wote ishirini');
    } finally {
      await client.dispose();
    }
  });

  it('closes every socket with 1001 when the app shuts down', async () => {
    const other = await startTestServer();
    const socket = new WebSocket(wsUrl(other), PROTOCOL);
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((resolve) => socket.once('message', resolve));
    const closed = closeOf(socket);
    await other.close();
    expect((await closed).code).toBe(1001);
  });
});

describe('flow control', () => {
  it('BoundedQueue holds at most `limit` items, reports overflow once, and close() ends a waiting next()', async () => {
    const overflows: number[] = [];
    const queue = new BoundedQueue<number>(3, (q) => overflows.push(q.size));
    for (let i = 1; i <= 5; i += 1) queue.push(i);
    expect(queue.size).toBe(3);
    expect(queue.overflowed).toBe(true);
    expect(overflows).toEqual([3]);
    expect((await queue.next()).value).toBe(1);
    queue.clear();
    expect(queue.overflowed).toBe(false);
    const waiting = queue.next();
    queue.push(9);
    expect(await waiting).toEqual({ value: 9, done: false });
    const parked = queue.next();
    queue.close();
    expect(await parked).toEqual({ value: undefined, done: true });
    expect(queue.push(10)).toBe(false);
  });

  /** An outbox of `count` events in memory, and a hook to publish live ones. */
  function fakeSource(count: number) {
    const rows = Array.from({ length: count }, (_, i) => delivery(i + 1));
    const listeners = new Set<(d: EventDelivery) => void>();
    const source: EventSource = {
      listen: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      replay: async (afterId, _criteria, limit) => {
        const page = rows.filter((d) => d.record.id > afterId).slice(0, limit);
        return { deliveries: page, scannedTo: page.at(-1)?.record.id ?? afterId, full: page.length === limit };
      },
    };
    const publish = (id: number) => {
      const d = delivery(id);
      rows.push(d);
      for (const listener of listeners) listener(d);
    };
    return { source, publish, listeners };
  }
  function delivery(id: number): EventDelivery {
    return { record: { id, kind: ArticleEventKind.PUBLISHED, articleId: id, language: 'sw', categorySlug: null, sourceSlug: null, previousLanguage: null, previousCategorySlug: null, previousSourceSlug: null, createdAt: new Date() }, article: {} as any, loaders: {} as any };
  }
  const limits = { maxQueuedEvents: 5, maxBufferedBytes: 1 << 20, replayPageSize: 10 };

  it('a buffer overflow during replay loses nothing: the outbox is read again', async () => {
    const { source, publish } = fakeSource(30);
    const stream = openEventStream(source, {}, 0, limits, null);
    const ids: number[] = [];
    for (let next = await stream.next(); !next.done; next = await stream.next()) {
      ids.push(next.value.record.id);
      if (next.value.record.id === 3) for (let id = 31; id <= 50; id += 1) publish(id); // 20 live events into a buffer of 5
      if (ids.length === 51) break;
      if (next.value.record.id === 50) publish(51);
    }
    await stream.return?.();
    expect(ids).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
  });

  it('a live subscriber that falls more than the limit behind is closed as too slow', async () => {
    const { source, publish, listeners } = fakeSource(0);
    const closed: string[] = [];
    const stream = openEventStream(source, {}, null, limits, { bufferedAmount: () => 0, closeSlow: (reason) => closed.push(reason) });
    for (let id = 1; id <= 6; id += 1) publish(id);
    expect(closed).toEqual(['more than 5 events waiting']);
    expect(listeners.size).toBe(0);
    expect((await stream.next()).done).toBe(true);
  });

  it('closes a real socket whose client stopped reading with 4413, without buffering for it', async () => {
    const server = await startTestServer({ build: { subscriptionLimits: { maxQueuedEvents: 20 } } });
    try {
      const socket = new WebSocket(wsUrl(server), PROTOCOL);
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'connection_init' }));
      await new Promise((resolve) => socket.once('message', resolve));
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { articlePublished { cursor article { bodyText } } }' } }));
      await waitUntil(() => server.app.subscriptions.feed.subscriberCount === 1);
      socket.pause(); // a client that stops reading: kernel buffers fill, then the server's queue

      const paragraph = 'neno '.repeat(13_000); // ~64 KB per event
      for (let batch = 0; batch < 8 && server.app.subscriptions.slowClientsClosed === 0; batch += 1) {
        await createArticles(server.app, Array.from({ length: 50 }, () => articleDraft({ body: [{ type: 'PARAGRAPH', text: `${paragraph} ${Math.random()}` }] })));
        await server.app.subscriptions.feed.poll();
      }
      await waitUntil(() => server.app.subscriptions.slowClientsClosed === 1, 10_000);
      const closed = closeOf(socket);
      socket.resume();
      expect((await closed).code).toBe(CLOSE_TOO_SLOW);
      expect(server.app.subscriptions.feed.subscriberCount).toBe(0);
    } finally {
      await server.close();
    }
  }, 120_000);
});
