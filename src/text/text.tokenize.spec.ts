import { tokenize } from './text.tokenize';

describe('tokenize', () => {
  it.each([
    ['words, normalised, in order, repeats kept', 'sw', 'Rais wa Kenya, rais!', ['rais', 'wa', 'kenya', 'rais']],
    ['French elision splits off the article', 'fr', "L'État et l’Afrique", ['l', 'etat', 'et', 'l', 'afrique']],
    ['English possessive', 'en', "Nigeria's president", ['nigeria', 's', 'president']],
    ["Hausa 'yan and ƴan give one word", 'ha', "'yan ƴan", ['yan', 'yan']],
    ['Hausa hooked letters folded', 'ha', 'Ƙungiyar ɗalibai', ['kungiyar', 'dalibai']],
    ['Ethiopic wordspace and full stop separate words', 'am', 'ሰላም፡ለዓለም። ኢትዮጵያ፣አዲስ', ['ሰላም', 'ለዓለም', 'ኢትዮጵያ', 'አዲስ']],
    ['Ethiopic numerals are not words', 'am', '፲፱ ዓመት', ['ዓመት']],
    ['numbers are kept, split like SQLite and PostgreSQL split them', 'en', 'COVID-19 cost 1,000.50 in 2022', ['covid', '19', 'cost', '1', '000', '50', 'in', '2022']],
    ['abbreviations and underscores split into their letters', 'en', 'e.g. foo_bar', ['e', 'g', 'foo', 'bar']],
    ['query syntax is just punctuation or words', 'en', '"a" OR b* NEAR(c:d) ^e -f', ['a', 'or', 'b', 'near', 'c', 'd', 'e', 'f']],
    ['emoji and symbols are dropped', 'sw', 'Goli ⚽🔥 €5', ['goli', '5']],
    ['nothing in, nothing out', 'so', '  ', []],
    ['scripts that need a dictionary still segment', 'en', 'ภาษาไทย', ['ภาษา', 'ไทย']],
  ] as const)('%s', (_case, language, input, expected) => {
    expect(tokenize(input, language)).toEqual(expected);
  });

  it('copes with a very long text quickly', () => {
    const text = 'Habari za leo, ኢትዮጵያ። '.repeat(20_000);
    const started = Date.now();
    expect(tokenize(text, 'sw')).toHaveLength(80_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
