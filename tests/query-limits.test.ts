import { getIntrospectionQuery } from 'graphql';
import { PLAYGROUND_EXAMPLES } from '../src/playground/playground.examples';
import { LIST_QUERY } from '../bench/http/list-query';
import { ALIAS_BOMB, readmeOperations } from './helpers/limits-fixtures';
import { startTestServer, type TestServer } from './helpers/test-server';

const SEED = 'hamas-ina-matumaini-juu-ya-kusitisha-mapigano-israeli-inahujumu-kalin';

/** What the newsroom's web and mobile apps ask for. */
const APP_SHAPES: Record<string, string> = {
  'list of 20 with category, source, lead image': LIST_QUERY,
  'article page': `{ article(slug: "${SEED}", language: "sw") {
    id title standfirst publishedAtText readingTime { text } url
    category { name slug } source { name url } leadImage { url caption credit } images { url caption }
    body { type text }
    related(first: 5) { score article { id title slug leadImage { url } category { name } } }
    readMore(first: 5) { kind title url article { id slug } }
    next { title slug } previous { title slug }
  } }`,
  'category page of 20 with its articles': `{ category(slug: "uturuki", language: "sw") { name articles(first: 20) { edges { cursor node { title slug leadImage { url } source { name } } } pageInfo { hasNextPage endCursor } } } }`,
  'search page of 20': `{ search(query: "habari", first: 20) { totalCount edges { cursor node { score snippet article { title url category { name } leadImage { url } } } } } }`,
  'offline prefetch of 20 full articles': `{ articles(first: 20, filter: { language: "sw" }) { edges { node { id title body { type text } category { name } source { name } leadImage { url caption } related(first: 3) { article { id title } } } } } }`,
  'home screen of several sections': `{
    latest: articles(first: 10) { edges { node { title slug leadImage { url } } } }
    sw: articles(first: 10, filter: { language: "sw" }) { edges { node { title slug leadImage { url } } } }
    ha: articles(first: 10, filter: { language: "ha" }) { edges { node { title slug leadImage { url } } } }
    categories(language: "sw") { slug name }
  }`,
  'full introspection (playground, codegen)': getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }),
};

describe('limits on every operation, before any resolver runs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seedDemo: true, perLanguage: 10, env: { RATE_LIMIT_PER_MINUTE: '0' } });
  });
  afterAll(() => server.close());

  const post = async (query: string, variables?: Record<string, unknown>) => {
    const before = server.app.statements.total;
    const result = await server.query(query, variables);
    return { ...result, statements: server.app.statements.total - before };
  };

  it('refuses the issue\'s alias bomb with a 400 naming its cost and the limit, running nothing', async () => {
    const { status, errors, data, statements } = await post(ALIAS_BOMB);
    expect(status).toBe(400);
    expect(data).toBeUndefined();
    expect(statements).toBe(0);
    expect(errors!.map((e) => e.extensions.reason)).toEqual(['TOO_MANY_ALIASES', 'QUERY_TOO_COSTLY']);
    const cost = errors![1];
    expect(cost.message).toContain('570,000 cost units');
    expect(cost.message).toContain('the limit is 2,000');
    expect(cost.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_COSTLY', cost: 570_000, limit: 2000, requestId: expect.any(String) });
  });

  it('refuses one alias of the bomb on cost alone', async () => {
    const { status, errors, statements } = await post(ALIAS_BOMB.replace(/ a1: [\s\S]*/, ' }'));
    expect(status).toBe(400);
    expect(statements).toBe(0);
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_COSTLY', cost: 5700, limit: 2000, requestId: expect.any(String) } })]);
  });

  it('counts `first` given in variables, so a variable cannot hide a large page', async () => {
    const query = 'query Big($n: Int, $r: Int) { articles(first: $n) { edges { node { related(first: $r) { article { body { text } } } } } } }';
    expect((await post(query, { n: 2, r: 2 })).errors).toBeUndefined();
    const refused = await post(query, { n: 100, r: 20 });
    expect(refused.status).toBe(400);
    expect(refused.errors![0].extensions.reason).toBe('QUERY_TOO_COSTLY');
    expect(refused.statements).toBe(0);
  });

  it('refuses a cyclic fragment with a 400 GRAPHQL_VALIDATION_FAILED, not a 500', async () => {
    const { status, errors } = await post('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
    expect(status).toBe(400);
    expect(errors!.map((e) => e.extensions.code)).toEqual(expect.arrayContaining(['GRAPHQL_VALIDATION_FAILED']));
    expect(errors!.some((e) => /Cannot spread fragment "A" within itself/.test(e.message))).toBe(true);
  });

  it('refuses a query nested deeper than the limit', async () => {
    const deep = `{ articles { edges { node { category { articles { edges { node { category { articles { edges { node { category { articles { edges { node { id } } } } } } } } } } } } } } } }`;
    const { status, errors, statements } = await post(deep);
    expect(status).toBe(400);
    expect(errors![0].message).toBe('The operation nests fields 16 levels deep; at most 12 are allowed: fetch the deeper data with a second query.');
    expect(errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_DEEP', found: 16, limit: 12 });
    expect(statements).toBe(0);
  });

  it('counts depth through fragments', async () => {
    const nested = Array.from({ length: 6 }, (_, i) => `fragment F${i} on Category { articles { edges { node { category { ...F${i + 1} } } } } }`).join(' ');
    const { errors } = await post(`{ categories { ...F0 } } ${nested} fragment F6 on Category { name }`);
    expect(errors![0].extensions.reason).toBe('QUERY_TOO_DEEP');
  });

  it('refuses too many aliases and too many directives', async () => {
    const aliases = await post(`{ ${Array.from({ length: 31 }, (_, i) => `t${i}: categories { slug }`).join(' ')} }`);
    expect(aliases.status).toBe(400);
    expect(aliases.errors![0].extensions).toMatchObject({ reason: 'TOO_MANY_ALIASES', found: 31, limit: 30 });
    const directives = await post(`{ categories { slug ${'@include(if: true) '.repeat(51)} } }`);
    expect(directives.status).toBe(400);
    expect(directives.errors!.map((e) => e.extensions.reason)).toContain('TOO_MANY_DIRECTIVES');
  });

  it('refuses a document with too many tokens', async () => {
    const fields = Array.from({ length: 5100 }, () => 'slug').join(' ');
    const { status, errors } = await post(`{ categories { ${fields} } }`);
    expect(status).toBe(400);
    expect(errors![0].message).toMatch(/5000 tokens/);
  });

  it('lets through every query in the README', async () => {
    const operations = readmeOperations();
    expect(operations.length).toBeGreaterThanOrEqual(5);
    for (const operation of operations) {
      if (operation.trimStart().startsWith('subscription')) {
        continue; // run over websockets in tests/subscriptions.limits.test.ts
      }
      const { status, errors } = await post(operation);
      expect({ operation, status, errors }).toEqual({ operation, status: 200, errors: undefined });
    }
  });

  it.each(PLAYGROUND_EXAMPLES.map((example, i) => [i, example.query] as const))('lets through playground example %i', async (_, query) => {
    const { status, errors } = await post(query);
    expect({ status, errors }).toEqual({ status: 200, errors: undefined });
  });

  it.each(Object.entries(APP_SHAPES))('lets through the app shape: %s', async (_, query) => {
    const { status, errors, data } = await post(query);
    expect({ status, errors }).toEqual({ status: 200, errors: undefined });
    expect(data).toBeDefined();
  });
});
