import { ResponseCache, etagOf, stableJson } from './response-cache';
import { etagMatches } from './cache.http';

const JSON_TYPE = 'application/json; charset=utf-8';

describe('ResponseCache', () => {
  it('keys a document and its persisted hash alike, and variables whatever their key order', () => {
    const query = '{ articles { totalCount } }';
    const byText = ResponseCache.keyOf({ query, variables: { a: 1, b: [2, { d: 4, c: 3 }] } });
    const { createHash } = jest.requireActual('node:crypto') as typeof import('node:crypto');
    const byHash = ResponseCache.keyOf({ hash: createHash('sha256').update(query).digest('hex').toUpperCase(), variables: { b: [2, { c: 3, d: 4 }], a: 1 } });
    expect(byText).toBe(byHash);
    expect(ResponseCache.keyOf({ query, operationName: 'A' })).not.toBe(ResponseCache.keyOf({ query, operationName: 'B' }));
    expect(ResponseCache.keyOf({ query, variant: 'application/json' })).not.toBe(ResponseCache.keyOf({ query }));
    expect(ResponseCache.keyOf({ hash: 'not-a-hash' })).toBeNull();
    expect(ResponseCache.keyOf({})).toBeNull();
  });

  it('drops exactly the entries carrying an invalidated tag', () => {
    const cache = new ResponseCache(1 << 20);
    cache.store('a', '{"a":1}', JSON_TYPE, ['article:1', 'list:sw:*:*'], cache.ticket());
    cache.store('b', '{"b":1}', JSON_TYPE, ['article:2'], cache.ticket());
    cache.store('c', '{"c":1}', JSON_TYPE, ['list:sw:*:*', 'article:3'], cache.ticket());
    expect(cache.invalidate(['list:sw:*:*'])).toBe(2);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([false, true, false]);
    expect(cache.invalidate(['article:1', 'article:3'])).toBe(0);
    expect(cache.lookup('b')?.body.toString()).toBe('{"b":1}');
  });

  it('refuses an answer computed before an invalidation that happened while it was computed', () => {
    const cache = new ResponseCache(1 << 20);
    const ticket = cache.ticket();
    cache.invalidate(['article:1']);
    expect(cache.store('a', '{}', JSON_TYPE, ['article:9'], ticket)).toBeNull();
    expect(cache.has('a')).toBe(false);
    expect(cache.store('a', '{}', JSON_TYPE, ['article:9'], cache.ticket())).not.toBeNull();
  });

  it('stays within its byte bound, evicting the least recently used, and forgets their tags', () => {
    const body = 'x'.repeat(1000);
    const cache = new ResponseCache(5_000);
    for (let i = 0; i < 10; i += 1) cache.store(`k${i}`, body, JSON_TYPE, [`article:${i}`], cache.ticket());
    expect(cache.bytes).toBeLessThanOrEqual(5_000);
    expect(cache.size).toBeLessThan(10);
    expect(cache.has('k9')).toBe(true);
    expect(cache.has('k0')).toBe(false);
    expect(cache.store('huge', 'y'.repeat(6_000), JSON_TYPE, [], cache.ticket())).toBeNull();
  });

  it('expires time-bound entries', async () => {
    const cache = new ResponseCache(1 << 20);
    cache.store('t', '{}', JSON_TYPE, [], cache.ticket(), { ttlMs: 20 });
    cache.store('forever', '{}', JSON_TYPE, [], cache.ticket());
    expect(cache.has('t')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(cache.lookup('t')).toBeUndefined();
    expect(cache.has('forever')).toBe(true);
  });
});

describe('etags', () => {
  const etag = etagOf(Buffer.from('{"data":{}}'));
  it.each([
    [undefined, false],
    ['', false],
    ['*', true],
    [etag, true],
    [`W/${etag}`, true],
    [`"other", ${etag}`, true],
    ['"other"', false],
  ])('If-None-Match %p matches: %p', (header, expected) => {
    expect(etagMatches(header, etag)).toBe(expected);
  });

  it('keys no operation whose variables nest too deep to key safely (Apollo answers it)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = { a: deep };
    expect(ResponseCache.keyOf({ query: '{ __typename }', variables: { deep } })).toBeNull();
    let shallow: unknown = 1;
    for (let i = 0; i < 10; i += 1) shallow = [shallow];
    expect(ResponseCache.keyOf({ query: '{ __typename }', variables: { shallow } })).toMatch(/\|\{"shallow":\[{10}1\]{10}\}\|/);
  });

  it('stableJson sorts object keys at every depth and keeps array order', () => {
    expect(stableJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
  });
});
