import type { LanguageCode } from '../languages/language.catalogue';
import { SliceVocabulary } from './related.slice-vocabulary';
import { termCountsOf, type TokenSource } from './related.terms';

const source = (language: string, title: string, bodyText: string, standfirst: string | null = null): TokenSource => ({ language, title, standfirst, bodyText });

describe('SliceVocabulary', () => {
  // Each case: one language's articles counted together; every set must be termCountsOf's, and df the sets' own count.
  it.each([
    ['Swahili, a word in two articles and twice in one', 'sw', [source('sw', 'Rais wa Kenya', 'Rais amesema bunge. Bunge litakutana.'), source('sw', 'Bunge', 'Wabunge wa bunge.')]],
    ['French accents, elision and the Snowball stems', 'fr', [source('fr', "L'État et l'économie", 'Les économistes étudient les économies.', 'Résumé'), source('fr', 'Économie', 'État des lieux.')]],
    ['English plurals and stop words', 'en', [source('en', 'Elections in Kenya', 'The elections and election results: 2022 results.'), source('en', 'The', 'the and of')]],
    ["Ge'ez script and proclitics", 'am', [source('am', 'የኢትዮጵያ መንግስት', 'በኢትዮጵያ ውስጥ ኢትዮጵያ። ሰላም፡ለዓለም'), source('am', 'ሰላም', '፲፱ ዓመት')]],
    ['a text that needs the segmenter, and emoji', 'ha', [source('ha', 'Ƙungiyar ɗalibai ภาษาไทย', 'Gwamnati ⚽🔥 gwamnati'), source('ha', 'Gwamnati', 'kungiyar')]],
    ['nothing to count, then the same article twice', 'so', [source('so', '', ''), source('so', 'Dowladda', 'dowladda iyo dowladda'), source('so', 'Dowladda', 'dowladda iyo dowladda')]],
  ] as Array<[string, LanguageCode, TokenSource[]]>)('%s', (_case, language, sources) => {
    const vocabulary = new SliceVocabulary(language);
    expect(sources.map((one) => vocabulary.add(one))).toEqual(sources.map((_, at) => at));
    const { sets, documentFrequencies } = vocabulary.finish();
    const held = new Map<string, number>();
    sources.forEach((one, at) => {
      const { terms, counts } = termCountsOf(one);
      expect(sets[at]).toEqual({ terms: JSON.stringify(terms), counts: JSON.stringify(counts) });
      for (const term of terms) held.set(term, (held.get(term) ?? 0) + 1);
    });
    const terms = [...held.keys()].sort();
    expect(documentFrequencies).toEqual({ terms, counts: terms.map((term) => held.get(term)) });
  });

  it('counts the title titleRepeat times and a repeated term once per article in df', () => {
    const vocabulary = new SliceVocabulary('sw');
    vocabulary.add(source('sw', 'Uchaguzi', 'uchaguzi uchaguzi'));
    vocabulary.add(source('sw', 'Mvua', 'uchaguzi'));
    const { sets, documentFrequencies } = vocabulary.finish();
    expect(sets.map((set) => [JSON.parse(set.terms), JSON.parse(set.counts)])).toEqual([
      [['uchaguzi'], [4]],
      [['mvua', 'uchaguzi'], [2, 1]],
    ]);
    expect(documentFrequencies).toEqual({ terms: ['mvua', 'uchaguzi'], counts: [1, 2] });
  });
});
