import { articlePublicUrl, urlKey } from './readmore.url';

describe('articlePublicUrl', () => {
  it.each([
    [{ language: 'sw', slug: 'habari-njema' }, 'siasa', 'https://habari.example/sw/siasa/habari-njema'],
    [{ language: 'sw', slug: 'habari-njema' }, null, 'https://habari.example/sw/habari-njema'],
    [{ language: 'fr', slug: 'l-été' }, 'économie', 'https://habari.example/fr/%C3%A9conomie/l-%C3%A9t%C3%A9'],
  ])('%j in %s is %s', (article, category, url) => {
    expect(articlePublicUrl('https://habari.example', article, category)).toBe(url);
  });
});

describe('urlKey', () => {
  it.each([
    ['HTTPS://Example.org', 'https://example.org/'],
    ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
    ['not a url', 'not a url'],
  ])('%s compares as %s', (url, key) => {
    expect(urlKey(url)).toBe(key);
  });
});
