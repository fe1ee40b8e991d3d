import { toTsQuery } from './search.tsquery';

describe('toTsQuery', () => {
  it.each([
    ['one term is a prefix', ['kenya'], "'kenya':*"],
    ['terms are ANDed, the last one a prefix', ['kenya', 'bunge', 'spik'], "'kenya' & 'bunge' & 'spik':*"],
    ['a stop word last is a finished word, not a prefix', ['rais', 'kwa'], "'rais' & 'kwa'"],
    ['a single quote inside a term is doubled', ["o'brien"], "'o''brien':*"],
    ['a backslash inside a term is doubled', ['a\\b'], "'a\\\\b':*"],
    ['operators stay inside the quotes', ['a&b', 'c|d', '!e', '(f)', 'g:*', '<->'], "'a&b' & 'c|d' & '!e' & '(f)' & 'g:*' & '<->':*"],
    ['Ge\'ez terms', ['ኢትዮጵያ', 'ምርጫ'], "'ኢትዮጵያ' & 'ምርጫ':*"],
  ])('%s', (_case, terms, expected) => {
    expect(toTsQuery(terms)).toBe(expected);
  });

  it('refuses an empty term list (parseSearchQuery never returns one)', () => {
    expect(() => toTsQuery([])).toThrow(RangeError);
  });
});
