import { startTestServer, type TestServer } from './helpers/test-server';

describe('hard limits on hostile queries', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('rejects a query nested deeper than the limit before running it', async () => {
    const deep = `{ articles { edges { node { category { articles { edges { node { category { articles { edges { node { category { articles { edges { node { id } } } } } } } } } } } } } } } }`;
    const before = server.app.statements.total;
    const { errors } = await server.query(deep);
    expect(errors?.[0].message).toMatch(/exceeds maximum operation depth of 12/);
    expect(errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(server.app.statements.total).toBe(before);
  });

  it('rejects a document with too many tokens', async () => {
    const aliases = Array.from({ length: 2000 }, (_, i) => `a${i}: __typename`).join(' ');
    const { errors } = await server.query(`{ ${aliases} }`);
    expect(errors?.[0].message).toMatch(/5000 tokens/);
  });

  it('still answers full introspection, as the playground needs', async () => {
    const { errors, data } = await server.query(`{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }`);
    expect(errors).toBeUndefined();
    expect(data.__schema.types.length).toBeGreaterThan(10);
  });
});
