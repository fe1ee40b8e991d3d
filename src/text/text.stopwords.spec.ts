import { SUPPORTED_LANGUAGES } from '../languages/language.catalogue';
import { isStopWord } from './text.stopwords';

describe('isStopWord', () => {
  it.each([
    ['sw', 'na', true],
    ['sw', 'katika', true],
    ['sw', 'serikali', false],
    ['ha', 'da', true],
    ['ha', 'kuma', true],
    ['ha', 'gwamnati', false],
    ['so', 'ayaa', true],
    ['so', 'dowladda', false],
    ['fr', 'le', true],
    ['fr', 'ete', true], // "été" in the list, compared normalised
    ['fr', 'gouvernement', false],
    ['en', 'the', true],
    ['en', 'll', true], // "'ll" in the list, compared normalised
    ['en', 'election', false],
    ['am', 'ነው', true], // from the Amharic supplement
    ['am', 'እና', true],
    ['am', 'ኢትዮጵያ', false],
  ] as const)('%s %s -> %s', (language, term, expected) => {
    expect(isStopWord(term, language)).toBe(expected);
  });

  it('is per language: a stop word in one is a content word in another', () => {
    expect(isStopWord('the', 'sw')).toBe(false);
    expect(isStopWord('wao', 'en')).toBe(false);
    expect(isStopWord('wao', 'sw')).toBe(true);
  });

  it('has a list for every supported language', () => {
    for (const language of SUPPORTED_LANGUAGES) {
      expect(['na', 'da', 'ነው', 'ayaa', 'le', 'the'].some((word) => isStopWord(word, language))).toBe(true);
    }
  });
});
