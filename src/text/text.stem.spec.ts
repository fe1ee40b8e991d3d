import { lightStem } from './text.stem';

describe('lightStem', () => {
  it.each([
    ['am', 'የኢትዮጵያ', 'ኢትዮጵያ'],
    ['am', 'በኢትዮጵያ', 'ኢትዮጵያ'],
    ['am', 'ለኢትዮጵያ', 'ኢትዮጵያ'],
    ['am', 'ከኢትዮጵያ', 'ኢትዮጵያ'],
    ['am', 'ከተማ', 'ከተማ'], // three syllables: the syllable is the stem
    ['am', 'ኢትዮጵያ', 'ኢትዮጵያ'],
    ['en', 'elections', 'election'],
    ['en', 'countries', 'country'],
    ['en', 'business', 'business'],
    ['en', 'virus', 'virus'],
    ['en', 'crisis', 'crisis'],
    ['en', 'bus', 'bus'],
    // French: Snowball, on the folded words the tokenizer gives (accents removed).
    ['fr', 'elections', 'elect'],
    ['fr', 'election', 'elect'],
    ['fr', 'gouvernements', 'gouvern'],
    ['fr', 'gouvernement', 'gouvern'],
    ['fr', 'economiques', 'econom'],
    ['fr', 'economie', 'econom'],
    ['fr', 'joueurs', 'joueur'],
    ['fr', 'hopitaux', 'hopital'],
    ['sw', 'wanafunzi', 'wanafunzi'],
    ['ha', 'yansanda', 'yansanda'],
    ['so', 'dowladda', 'dowladda'],
  ] as const)('%s %s -> %s', (language, term, expected) => {
    expect(lightStem(term, language)).toBe(expected);
  });
});
