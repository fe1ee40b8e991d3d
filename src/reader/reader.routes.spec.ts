import { chooseLanguage, parseReaderRoute } from './reader.routes';

const route = (path: string, accept?: string) => {
  const [p, q = ''] = path.split('?');
  return parseReaderRoute(p, new URLSearchParams(q), accept);
};

describe('parseReaderRoute', () => {
  it.each([
    ['/', { kind: 'home', language: 'sw', chosen: false }],
    ['/?lang=ha', { kind: 'home', language: 'ha', chosen: false }],
    ['/en', { kind: 'home', language: 'en', chosen: true }],
    ['/en/', { kind: 'home', language: 'en', chosen: true }],
    ['/fr/search?q=Paris', { kind: 'search', language: 'fr', query: 'Paris', after: null }],
    ['/fr/search', { kind: 'search', language: 'fr', query: '', after: null }],
    ['/sw/uturuki', { kind: 'section', language: 'sw', slug: 'uturuki', after: null }],
    ['/sw/uturuki?after=abc', { kind: 'section', language: 'sw', slug: 'uturuki', after: 'abc' }],
    ['/sw/uturuki/hamas-ina', { kind: 'article', language: 'sw', categorySlug: 'uturuki', slug: 'hamas-ina' }],
    ['/am/%E1%8B%9C%E1%8A%93/x', { kind: 'article', language: 'am', categorySlug: 'ዜና', slug: 'x' }],
    ['/_reader/reader.css', { kind: 'asset', name: 'reader.css' }],
    ['/de', { kind: 'notFound', language: 'sw' }],
    ['/favicon.ico', { kind: 'notFound', language: 'sw' }],
    ['/sw/a/b/c', { kind: 'notFound', language: 'sw' }],
    ['/sw/%E0%A4%A', { kind: 'notFound', language: 'sw' }],
  ])('%s', (path, expected) => {
    expect(route(path)).toEqual(expected);
  });
});

describe('chooseLanguage', () => {
  it.each([
    [null, undefined, 'sw'],
    ['en', 'fr', 'en'],
    ['EN', undefined, 'en'],
    ['de', 'ha', 'ha'],
    [null, 'fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    [null, 'de-DE,de;q=0.9,en;q=0.5,so;q=0.7', 'so'],
    [null, 'en;q=0.5, am', 'am'],
    [null, 'de, pt', 'sw'],
    [null, 'en;q=0', 'sw'],
    [null, '*', 'sw'],
  ])('lang=%j Accept-Language=%j -> %s', (explicit, accept, expected) => {
    expect(chooseLanguage(explicit, accept)).toBe(expected);
  });
});
