import WebSocket from 'ws';
import { ALIAS_BOMB, readmeOperations } from './helpers/limits-fixtures';
import { startTestServer, type TestServer } from './helpers/test-server';
import { waitUntil } from './helpers/ws-client';

/**
 * Every close code of graphql-transport-ws, black box: a raw `ws` socket
 * speaking the protocol by hand, against a started server. (4403, a rejected
 * API key in connection_init, is tested with the keys in tests/auth.access.test.ts.)
 */
const PROTOCOL = 'graphql-transport-ws';

interface RawClient {
  socket: WebSocket;
  messages: any[];
  closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
}

async function connect(server: TestServer, protocol: string | null = PROTOCOL): Promise<RawClient> {
  const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/graphql`, protocol ?? undefined);
  const messages: any[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(data.toString())));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return { socket, messages, closed, send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)) };
}

async function acknowledged(server: TestServer): Promise<RawClient> {
  const client = await connect(server);
  client.send({ type: 'connection_init' });
  await waitUntil(() => client.messages.some((m) => m.type === 'connection_ack'));
  return client;
}

describe('graphql-transport-ws close codes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ build: { subscriptionLimits: { connectionInitWaitMs: 400 } }, env: { RATE_LIMIT_PER_MINUTE: '0' } });
  });
  afterAll(() => server.close());

  it.each([
    ['not JSON', 'hello'],
    ['JSON without a type', { id: '1' }],
    ['an unknown type', { type: 'shout' }],
    ['subscribe without an id', { type: 'subscribe', payload: { query: '{ __typename }' } }],
    ['subscribe without a query', { type: 'subscribe', id: '1', payload: {} }],
  ])('4400 for a bad message: %s', async (_, message) => {
    const client = await acknowledged(server);
    client.send(message);
    expect((await client.closed).code).toBe(4400);
  });

  it('4401 for subscribe before connection_ack', async () => {
    const client = await connect(server);
    client.send({ type: 'subscribe', id: '1', payload: { query: 'subscription { articlePublished { cursor } }' } });
    expect((await client.closed).code).toBe(4401);
  });

  it('4406 without the graphql-transport-ws subprotocol; a wrong one is not even agreed', async () => {
    const client = await connect(server, null);
    expect((await client.closed).code).toBe(4406);
    await expect(connect(server, 'graphql-ws')).rejects.toThrow('Server sent no subprotocol');
  });

  it('4408 when no connection_init arrives in time', async () => {
    const client = await connect(server);
    expect((await client.closed).code).toBe(4408);
  });

  it('4409 for a second operation with an id still in use', async () => {
    const client = await acknowledged(server);
    const subscribe = { type: 'subscribe', id: 'same', payload: { query: 'subscription { articlePublished { cursor } }' } };
    client.send(subscribe);
    await waitUntil(() => server.app.subscriptions.feed.subscriberCount > 0);
    client.send(subscribe);
    expect((await client.closed).code).toBe(4409);
  });

  it('4429 for a second connection_init', async () => {
    const client = await acknowledged(server);
    client.send({ type: 'connection_init' });
    expect((await client.closed).code).toBe(4429);
  });
});

describe('query limits on websocket operations', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  });
  afterAll(() => server.close());

  const errorsFor = async (query: string, variables?: Record<string, unknown>) => {
    const client = await acknowledged(server);
    try {
      client.send({ type: 'subscribe', id: '1', payload: { query, variables } });
      await waitUntil(() => client.messages.some((m) => m.type === 'error' || m.type === 'next'));
      return client.messages.find((m) => m.type === 'error')?.payload as any[] | undefined;
    } finally {
      client.socket.close();
    }
  };

  it('refuses a subscription over the cost limit, counting variables', async () => {
    const query = 'subscription($n: Int) { articlePublished { article { related(first: $n) { article { readMore(first: $n) { article { body { text } } } } } } } }';
    const errors = await errorsFor(query, { n: 20 });
    expect(errors?.[0]).toMatchObject({ message: expect.stringContaining('the limit is 2,000'), extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_COSTLY' } });
    expect(server.app.subscriptions.feed.subscriberCount).toBe(0);
  });

  it('refuses a subscription nested too deep', async () => {
    const errors = await errorsFor('subscription { articlePublished { article { next { next { next { next { next { next { next { next { next { next { title } } } } } } } } } } } } }');
    expect(errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_DEEP', limit: 12 });
  });

  it('refuses a cyclic fragment, too many tokens and the alias bomb as HTTP does', async () => {
    const cyclic = await errorsFor('subscription { ...A } fragment A on Subscription { ...B } fragment B on Subscription { ...A }');
    expect(cyclic?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const tokens = await errorsFor(`subscription { articlePublished { ${'cursor '.repeat(5100)} } }`);
    expect(tokens?.[0]).toMatchObject({ message: expect.stringContaining('5000 tokens'), extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    const bomb = await errorsFor(ALIAS_BOMB);
    expect(bomb?.map((e) => e.extensions.reason)).toEqual(['TOO_MANY_ALIASES', 'QUERY_TOO_COSTLY']);
  });

  it('lets the README subscription through', async () => {
    const [subscription] = readmeOperations().filter((operation) => operation.trimStart().startsWith('subscription'));
    const client = await acknowledged(server);
    try {
      client.send({ type: 'subscribe', id: '1', payload: { query: subscription.replace('"<last cursor you saw>"', 'null') } });
      await waitUntil(() => server.app.subscriptions.feed.subscriberCount === 1);
      expect(client.messages.filter((m) => m.type === 'error')).toEqual([]);
    } finally {
      client.socket.close();
    }
  });
});
