import { SearchQueryError, type SearchQueryErrorReason } from './search.errors';
import { MAX_QUERY_LENGTH, parseSearchQuery } from './search.query';

function reasonOf(run: () => unknown): SearchQueryErrorReason | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof SearchQueryError) return error.reason;
    throw error;
  }
  return undefined;
}

describe('parseSearchQuery', () => {
  it.each([
    ['plain words, normalised', 'Bunge la KENYA', 'sw', ['bunge', 'kenya']],
    ['stop words dropped when content words remain', 'the president of Kenya', 'en', ['president', 'kenya']],
    ['only stop words: searched as typed', 'na wao', 'sw', ['na', 'wao']],
    ['no language: nothing dropped', 'the president', undefined, ['the', 'president']],
    ['repeats removed, first order kept', 'Ruto ruto RUTO Raila', 'sw', ['ruto', 'raila']],
    ['diacritics and hooked letters folded', 'Élection Ƙasar', 'fr', ['election', 'kasar']],
    ['Ge\'ez words kept', 'የኢትዮጵያ ምርጫ', 'am', ['የኢትዮጵያ', 'ምርጫ']],
    ['double quotes are not phrase syntax', '"rais ruto"', 'sw', ['rais', 'ruto']],
    ['FTS operators are words', 'NEAR AND OR NOT', undefined, ['near', 'and', 'or', 'not']],
    ['*, :, ^, parentheses and a lone - are punctuation', 'title:kenya* ^bunge (ruto) - raila', 'sw', ['title', 'kenya', 'bunge', 'ruto', 'raila']],
    ['apostrophes split words (French "l" is no stop word in stopwords-iso)', "l'État", 'fr', ['l', 'etat']],
    ['numbers are searchable', 'COVID-19', 'en', ['covid', '19']],
    ['exactly the maximum length is fine', 'a'.repeat(MAX_QUERY_LENGTH), 'en', ['a'.repeat(MAX_QUERY_LENGTH)]],
    ['surrounding whitespace does not count toward the length', ` ${'b'.repeat(MAX_QUERY_LENGTH)}\n`, 'en', ['b'.repeat(MAX_QUERY_LENGTH)]],
  ] as const)('%s', (_case, input, language, terms) => {
    expect(parseSearchQuery(input, language)).toEqual({ terms });
  });

  it.each([
    ['empty', '', 'EMPTY_QUERY'],
    ['spaces only', '   ', 'EMPTY_QUERY'],
    ['non-breaking and zero-width spaces only', '\u00A0\u200B\u202F\n\t', 'EMPTY_QUERY'],
    ['one character too long', 'a'.repeat(MAX_QUERY_LENGTH + 1), 'QUERY_TOO_LONG'],
    ['too long in characters, not UTF-16 units', 'ሰ'.repeat(MAX_QUERY_LENGTH + 1), 'QUERY_TOO_LONG'],
    ['punctuation only', '"*:^()-', 'NO_SEARCHABLE_TERMS'],
    ['a lone dash', '-', 'NO_SEARCHABLE_TERMS'],
    ['emoji only', '⚽🔥', 'NO_SEARCHABLE_TERMS'],
    ['Ethiopic punctuation only', '፡።፣', 'NO_SEARCHABLE_TERMS'],
  ] as const)('rejects %s with %s', (_case, input, reason) => {
    expect(reasonOf(() => parseSearchQuery(input, 'en'))).toBe(reason);
  });

  it('counts emoji as one character each', () => {
    expect(reasonOf(() => parseSearchQuery(`kenya ${'⚽'.repeat(MAX_QUERY_LENGTH - 6)}`, 'en'))).toBeUndefined();
  });

  it('says what to fix', () => {
    expect(() => parseSearchQuery('x'.repeat(250))).toThrow('The search text has 250 characters; shorten it to at most 200.');
    expect(() => parseSearchQuery(' ')).toThrow(/Type at least one word/);
    expect(() => parseSearchQuery('???')).toThrow(/letters or digits/);
  });

  it('throws a SearchQueryError an error mapper can recognise', () => {
    let caught: unknown;
    try {
      parseSearchQuery('');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SearchQueryError);
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toMatchObject({ name: 'SearchQueryError', reason: 'EMPTY_QUERY' });
  });
});
