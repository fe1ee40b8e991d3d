import { contentTerms } from './text.content-terms';

describe('contentTerms', () => {
  it.each([
    ['drops stop words', 'sw', ['rais', 'wa', 'kenya', 'na', 'bunge'], ['rais', 'kenya', 'bunge']],
    ['drops bare numbers but keeps words with digits', 'en', ['2022', 'covid19', '19', 'cup'], ['covid19', 'cup']],
    ['drops one-character leftovers', 'fr', ['l', 'president', 's', 'x'], ['president']],
    ['keeps one-syllable-plus Ge\'ez words, drops single syllables', 'am', ['ሰ', 'ሰላም', 'ነው'], ['ሰላም']],
    ['keeps repeats (term frequency needs them)', 'ha', ['gwamnati', 'gwamnati'], ['gwamnati', 'gwamnati']],
  ] as const)('%s', (_case, language, tokens, expected) => {
    expect(contentTerms(tokens, language)).toEqual(expected);
  });
});
