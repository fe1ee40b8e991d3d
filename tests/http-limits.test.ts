import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from './helpers/test-server';

const gql = (server: TestServer, init: { body?: string; headers?: Record<string, string> } = {}) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body ?? JSON.stringify({ query: '{ __typename }' }),
  });

describe('per-client rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '5', TRUST_PROXY: '1' } });
  });
  afterAll(() => server.close());

  it('answers the request over the limit with 429, Retry-After and a GraphQL error body, without running it', async () => {
    const me = { 'x-forwarded-for': '198.51.100.1' };
    for (let i = 0; i < 5; i += 1) expect((await gql(server, { headers: me })).status).toBe(200);
    const before = server.app.statements.total;
    const refused = await gql(server, { headers: me, body: JSON.stringify({ query: '{ articles { totalCount } }' }) });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as any;
    expect(body.errors[0]).toEqual({
      message: `Too many requests: this client may send 5 per minute. Retry after ${retryAfter} s.`,
      extensions: { code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED', limit: 5, retryAfterSeconds: retryAfter },
    });
    expect(server.app.statements.total).toBe(before);
  });

  it('counts each client on its own (behind TRUST_PROXY=1, by the address the proxy appended)', async () => {
    expect((await gql(server, { headers: { 'x-forwarded-for': '198.51.100.2' } })).status).toBe(200);
    // A client cannot pick a fresh identity by writing its own X-Forwarded-For entries: only the proxy's entry counts.
    expect((await gql(server, { headers: { 'x-forwarded-for': '203.0.113.77, 198.51.100.1' } })).status).toBe(429);
  });
});

describe('rate limit keyed by API key', () => {
  it('gives each key its own budget apart from its address, and counts unknown keys by address before refusing them', async () => {
    const server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const key = await server.createKey('editor');
      const withKey = { authorization: `Bearer ${key}` };
      const wrongKey = { authorization: 'Bearer hab_not-a-key-anyone-was-given' };
      const statuses = [];
      // The address's budget (2), then the key's own (2): same socket address, two clients.
      for (const headers of [{}, {}, {}, withKey, withKey, withKey]) statuses.push((await gql(server, { headers })).status);
      expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
      // An unknown key is never read as anonymous, and guessing keys spends the address's budget: already spent here.
      const guessed = await gql(server, { headers: wrongKey });
      expect(guessed.status).toBe(429);
    } finally {
      await server.close();
    }
    const fresh = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '1' } });
    try {
      const refused = await gql(fresh, { headers: { authorization: 'Bearer hab_not-a-key-anyone-was-given' } });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="habari"');
      expect(((await refused.json()) as any).errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_KEY' });
      expect((await gql(fresh)).status).toBe(429);
    } finally {
      await fresh.close();
    }
  });
});

describe('rate limit on websocket connections', () => {
  it('counts each upgrade like a request and refuses the one over the limit with 429 before any socket opens', async () => {
    const server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const open = () =>
        new Promise<number>((resolve) => {
          const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
          socket.once('open', () => {
            socket.close();
            resolve(101);
          });
          socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
          socket.once('error', () => undefined);
        });
      const statuses = [await open(), await open(), await open()];
      expect(statuses).toEqual([101, 101, 429]);
      expect((await gql(server)).status).toBe(429);
    } finally {
      await server.close();
    }
  });
});

describe('rate limit without a trusted proxy, and turned off', () => {
  it('ignores X-Forwarded-For when TRUST_PROXY is 0', async () => {
    const server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await gql(server, { headers: { 'x-forwarded-for': `198.51.100.${i}` } })).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await server.close();
    }
  });

  it('RATE_LIMIT_PER_MINUTE=0 turns it off', async () => {
    const server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
    try {
      const statuses = await Promise.all(Array.from({ length: 30 }, () => gql(server).then((r) => r.status)));
      expect(new Set(statuses)).toEqual(new Set([200]));
    } finally {
      await server.close();
    }
  });
});

describe('rate limit shared through Redis', () => {
  it('two instances with one REDIS_URL count one budget per client', async () => {
    const env = { RATE_LIMIT_PER_MINUTE: '4', REDIS_URL: 'redis://127.0.0.1:6379', REDIS_CHANNEL_PREFIX: `habari-test-${randomBytes(4).toString('hex')}` };
    const first = await startTestServer({ env });
    const second = await startTestServer({ env, database: first.app.config.database });
    try {
      const statuses = [];
      for (const server of [first, second, first, second, first, second]) statuses.push((await gql(server)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    } finally {
      await second.close();
      await first.close();
    }
  });
});

describe('request body limit', () => {
  let anonymous: TestServer;
  let editors: TestServer;
  let editorKey: string;
  beforeAll(async () => {
    anonymous = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
    editors = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
    editorKey = await editors.createKey('editor');
  });
  afterAll(async () => {
    await anonymous.close();
    await editors.close();
  });

  const padded = (bytes: number) => JSON.stringify({ query: `{ __typename } # ${'x'.repeat(bytes)}` });

  it('answers a body over MAX_BODY_BYTES (1 MB) with 413 and says the limit', async () => {
    const response = await gql(anonymous, { body: padded(1024 * 1024) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).errors[0]).toMatchObject({
      message: expect.stringContaining('over 1,048,576 bytes'),
      extensions: { code: 'BAD_REQUEST', reason: 'BODY_TOO_LARGE', limit: 1048576 },
    });
  });

  it('counts a chunked body without Content-Length as it arrives', async () => {
    const chunks = [padded(600 * 1024).slice(0, -2), `${'y'.repeat(600 * 1024)}"}`];
    const stream = new ReadableStream({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(new TextEncoder().encode(next));
        else controller.close();
      },
    });
    const response = await fetch(`${anonymous.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('accepts just under the limit', async () => {
    const response = await gql(anonymous, { body: padded(1024 * 1024 - 100) });
    expect(response.status).toBe(200);
  });

  it('gives editors the larger MAX_EDITOR_BODY_BYTES (12 MB), so imports still work', async () => {
    const asEditor = { authorization: `Bearer ${editorKey}` };
    expect((await gql(editors, { body: padded(3 * 1024 * 1024) })).status).toBe(413);
    const response = await gql(editors, { body: padded(3 * 1024 * 1024), headers: asEditor });
    expect(response.status).toBe(200);
    expect((await gql(editors, { body: padded(12 * 1024 * 1024), headers: asEditor })).status).toBe(413);
  });
});
