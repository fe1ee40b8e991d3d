import { toFts5Match } from './search.fts5';

describe('toFts5Match', () => {
  it.each([
    ['one term is a prefix', ['kenya'], '"kenya"*'],
    ['terms are ANDed, the last one a prefix', ['kenya', 'bunge', 'spik'], '"kenya" AND "bunge" AND "spik"*'],
    ['operator words are quoted strings', ['near', 'and', 'or', 'nota'], '"near" AND "and" AND "or" AND "nota"*'],
    ['a stop word last (of any language) is a finished word, not a prefix', ['kenya', 'the'], '"kenya" AND "the"'],
    ['French and Swahili stop words too', ['tri', 'des'], '"tri" AND "des"'],
    ['a double quote inside a term is doubled', ['"', 'a"b'], '"""" AND "a""b"*'],
    ['other syntax characters stay inside the quotes', ['title:x', 'a*', '(b)', '^c', '-dd'], '"title:x" AND "a*" AND "(b)" AND "^c" AND "-dd"*'],
    ['a short last term is not a prefix (it would expand to most of the index)', ['kenya', 'a'], '"kenya" AND "a"'],
    ["two Ge'ez syllables are enough for a prefix", ['ምር'], '"ምር"*'],
    ['Ge\'ez terms', ['ኢትዮጵያ', 'ምርጫ'], '"ኢትዮጵያ" AND "ምርጫ"*'],
  ])('%s', (_case, terms, expected) => {
    expect(toFts5Match(terms)).toBe(expected);
  });

  it('refuses an empty term list (parseSearchQuery never returns one)', () => {
    expect(() => toFts5Match([])).toThrow(RangeError);
  });
});
