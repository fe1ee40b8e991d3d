import { buildTermProfile, compareTerms, profileFromCounts } from './related.profile';
import { profileTokens, termCountsOf, tokensOf } from './related.terms';

describe('profileTokens', () => {
  it('repeats title terms, then standfirst and body, without stop words or numbers', () => {
    expect(profileTokens({ title: 'Rais wa Kenya', standfirst: 'Bunge 2022', body: 'Rais na spika' }, 'sw', 2)).toEqual([
      'rais', 'kenya', 'rais', 'kenya', 'bunge', 'rais', 'spika',
    ]);
  });

  it('applies the language\'s stemmer (French: Snowball)', () => {
    expect(profileTokens({ title: 'Elections', body: 'Les élections' }, 'fr', 1)).toEqual(['elect', 'elect']);
    expect(profileTokens({ title: 'የኢትዮጵያ', body: 'ኢትዮጵያ' }, 'am', 1)).toEqual(['ኢትዮጵያ', 'ኢትዮጵያ']);
  });

  it('accepts a missing standfirst', () => {
    expect(profileTokens({ title: 'Goli', standfirst: null, body: 'Mechi' }, 'sw', 1)).toEqual(['goli', 'mechi']);
  });
});

describe('termCountsOf', () => {
  const texts = [
    { title: 'Rais wa Kenya', standfirst: 'Bunge', bodyText: 'Rais na spika wa bunge la Kenya. Rais alisema.', language: 'sw' },
    { title: 'Élections à Zürich', standfirst: null, bodyText: 'Les élections, les électeurs et les ÉLECTIONS.', language: 'fr' },
    { title: 'የኢትዮጵያ ምርጫ', standfirst: null, bodyText: 'ኢትዮጵያ ምርጫ ቦርድ', language: 'am' },
    { title: 'Zabe', standfirst: null, bodyText: '', language: 'ha' },
  ];

  it.each(texts)('counts each distinct token of tokensOf once, terms in code-unit order ($language)', (source) => {
    const { terms, counts } = termCountsOf(source);
    expect(terms).toEqual([...new Set(tokensOf(source))].sort(compareTerms));
    terms.forEach((term, at) => expect(counts[at]).toBe(tokensOf(source).filter((token) => token === term).length));
  });

  it.each(texts)('gives the profile buildTermProfile gives the token stream ($language)', (source) => {
    const { terms, counts } = termCountsOf(source);
    const df = (term: string) => (term.length % 5) + 1;
    expect(profileFromCounts(terms.map((term, at) => [term, counts[at]] as const), df, 40, 3)).toEqual(buildTermProfile(tokensOf(source), df, 40, 3));
  });
});
