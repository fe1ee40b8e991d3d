import { headerAccepts } from './playground.negotiation';

describe('headerAccepts', () => {
  it.each<[string | undefined, string, string | undefined, boolean]>([
    [undefined, 'gzip', '*', false],
    ['', 'gzip', '*', false],
    ['gzip', 'gzip', '*', true],
    ['deflate, GZIP', 'gzip', '*', true],
    ['gzip;q=0', 'gzip', '*', false],
    ['gzip; q=0.0', 'gzip', '*', false],
    ['gzip;q=0.001', 'gzip', '*', true],
    ['*', 'gzip', '*', true],
    ['*;q=0', 'gzip', '*', false],
    ['gzip;q=0, *', 'gzip', '*', false],
    ['*, gzip;q=0', 'gzip', '*', false],
    ['br', 'gzip', '*', false],
    ['xgzip', 'gzip', '*', false],
    ['text/html,application/xhtml+xml,*/*;q=0.8', 'text/html', undefined, true],
    ['application/json', 'text/html', undefined, false],
    ['*/*', 'text/html', undefined, false],
    ['text/html;q=0', 'text/html', undefined, false],
    ['text/html;level=1;q=0.5', 'text/html', undefined, true],
  ])('%p lists %p (wildcard %p): %p', (header, token, wildcard, expected) => {
    expect(headerAccepts(header, token, wildcard)).toBe(expected);
  });
});
