import { profileTokens } from './related.terms';

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
