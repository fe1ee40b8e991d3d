import fs from 'node:fs';
import path from 'node:path';
import { readTsvRows } from '../importing/tsv.reader';
import { scanTokens, tokenize, tokenizeSegmented, TokenSpans } from './text.tokenize';

const CORPUS = path.resolve(__dirname, '..', '..', 'corpus');

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

  // Speed is bench/import's business; here, that a long mixed-script text comes out whole.
  it('tokenizes a very long mixed-script text whole', () => {
    const text = 'Habari za leo, ኢትዮጵያ። '.repeat(20_000);
    const tokens = tokenize(text, 'sw');
    expect(tokens).toHaveLength(80_000);
    expect(tokens.slice(0, 4)).toEqual(['habari', 'za', 'leo', 'ኢትዮጵያ']);
    expect(tokens.slice(-4)).toEqual(['habari', 'za', 'leo', 'ኢትዮጵያ']);
  });
});

/**
 * tokenize scans Latin and Ethiopic text a character at a time; the reference
 * (normalise the whole text, then segment) must agree on every input. The
 * pool mixes what folds (accents, hooked letters, ligatures, full-width forms,
 * fractions, marks, invisible characters) with what breaks or bails out.
 */
describe('tokenize agrees with the reference tokenizer', () => {
  const POOL = ['a', 'Z', '9', ' ', '\u00A0', '’', "'", 'é', 'É', 'e\u0301', 'ƙ', 'Ƙ', 'ß', 'ẞ', 'ﬁ', '½', '¼', '²', '፩', 'ሰ', '።', '፡',
    '\u200B', '\u00AD', 'İ', 'ı', '—', '-', '_', '.', ',', '😀', '\u0300', 'Σ', 'ς', 'ø', 'Œ', 'ǅ', 'ŉ', 'Å', 'Ⅻ', 'ⓐ', '①', '㎞', 'ｆｕｌｌ', 'ʼ', '\t', '\n', 'ภา'];

  it('on 50,000 random strings', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 50_000; n += 1) {
      let text = '';
      for (let length = 1 + Math.floor(random() * 12); length > 0; length -= 1) text += POOL[Math.floor(random() * POOL.length)];
      const fast = tokenize(text, 'sw');
      const reference = tokenizeSegmented(text, 'sw');
      if (JSON.stringify(fast) !== JSON.stringify(reference)) expect({ text, tokens: fast }).toEqual({ text, tokens: reference });
    }
  });

  it('on every headline and text of the shipped corpus', async () => {
    const files = fs.readdirSync(CORPUS).filter((file) => file.endsWith('.tsv'));
    expect(files.length).toBe(6);
    for (const file of files) {
      for await (const row of readTsvRows(fs.createReadStream(path.join(CORPUS, file)))) {
        if ('reason' in row) throw new Error(row.reason);
        for (const text of [row.headline, row.text]) {
          if (JSON.stringify(tokenize(text, 'en')) !== JSON.stringify(tokenizeSegmented(text, 'en'))) {
            expect({ file, line: row.line, tokens: tokenize(text, 'en') }).toEqual({ file, line: row.line, tokens: tokenizeSegmented(text, 'en') });
          }
        }
      }
    }
  });
});

describe('scanTokens', () => {
  const kinds = (spans: TokenSpans) => Array.from({ length: spans.count }, (_, at) => (spans.start(at) >= 0 ? 'span' : 'own'));

  it('gives plain ASCII words as spans of the lower-cased text, folded words as strings of their own, in order', () => {
    const spans = new TokenSpans();
    scanTokens('Rais wa CAFÉ, Ƙungiyar 2022!', 'ha', spans);
    expect(spans.strings()).toEqual(['rais', 'wa', 'cafe', 'kungiyar', '2022']);
    expect(kinds(spans)).toEqual(['span', 'span', 'own', 'own', 'span']);
    expect(spans.lower.slice(spans.start(0), spans.end(0))).toBe('rais');
    expect(spans.ownString(2)).toBe('cafe');
  });

  it('keeps a word broken by a character beyond ASCII (a curly apostrophe, an Ethiopic full stop) a span', () => {
    const spans = new TokenSpans();
    scanTokens('Kenya’s ሰላም። vote', 'en', spans);
    expect(spans.strings()).toEqual(['kenya', 's', 'ሰላም', 'vote']);
    expect(kinds(spans)).toEqual(['span', 'span', 'own', 'span']);
  });

  it('is cleared by the next text, and a text that needs the segmenter comes as strings of its own', () => {
    const spans = new TokenSpans();
    scanTokens('a b c d e f g h', 'en', spans);
    scanTokens('ภาษาไทย Habari', 'sw', spans);
    expect(spans.strings()).toEqual(['ภาษา', 'ไทย', 'habari']);
    expect(kinds(spans)).toEqual(['own', 'own', 'own']);
    scanTokens('', 'sw', spans);
    expect(spans.count).toBe(0);
  });

  it('holds a text of any length (its bounds grow)', () => {
    const spans = new TokenSpans();
    const text = 'Habari za leo, ኢትዮጵያ። '.repeat(5_000);
    scanTokens(text, 'sw', spans);
    expect(spans.count).toBe(20_000);
    expect(spans.strings()).toEqual(tokenize(text, 'sw'));
  });
});
