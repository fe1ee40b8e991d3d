import { localHref, shorten, type PageContext } from './reader.layout';

const ctx: PageContext = { language: 'sw', publicBaseUrl: 'https://habari.example/news', graphqlPath: '/graphql', assetUrl: (n) => n };

describe('localHref', () => {
  it.each([
    ['https://habari.example/news/sw/siasa/x', '/sw/siasa/x'],
    ['https://habari.example/newsroom/sw', 'https://habari.example/newsroom/sw'],
    ['https://www.bbc.com/swahili', 'https://www.bbc.com/swahili'],
    ['HTTP://example.org/a', 'HTTP://example.org/a'],
    ['/media/a.jpg', '/media/a.jpg'],
    ['//evil.example/a', '#'],
    ['javascript:alert(1)', '#'],
    ['data:text/html,<b>', '#'],
  ])('%s -> %s', (url, expected) => {
    expect(localHref(ctx, url)).toBe(expected);
  });
});

describe('shorten', () => {
  it.each([
    ['short text', 20, 'short text'],
    ['  spaced\n\ntext  ', 20, 'spaced text'],
    ['one two three four five six', 15, 'one two three…'],
    ['abcdefghijklmnopqrstuvwxyz', 10, 'abcdefghi…'],
  ])('%j at %d', (text, max, expected) => {
    expect(shorten(text, max)).toBe(expected);
    expect(shorten(text, max).length).toBeLessThanOrEqual(max);
  });
});
