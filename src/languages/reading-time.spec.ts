import fs from 'node:fs';
import path from 'node:path';
import { readTsvRows } from '../importing/tsv.reader';
import { countWords, countWordsByPattern } from './reading-time';

const CORPUS = path.resolve(__dirname, '..', '..', 'corpus');

describe('countWords', () => {
  it.each([
    ['plain words', 'Rais wa Kenya', 3],
    ['inner apostrophes join', "n'importe ka'a l’État", 3],
    ['numbers with separators join', 'watu 1,000 na 3.5', 4],
    ['a unit after a decimal is its own word, as the pattern reads it', '£3.6m', 2],
    ['Ge’ez words between wordspaces', 'ሰላም፡ለዓለም። ኢትዮጵያ', 3],
    ['punctuation and symbols are not words', '— … 🔥 !', 0],
    ['a trailing apostrophe or full stop ends the word', "watu' mwisho.", 2],
  ])('%s', (_case, text, expected) => {
    expect(countWords(text, 'sw')).toBe(expected);
    expect(countWordsByPattern(text)).toBe(expected);
  });

  it('agrees with the pattern on 50,000 random strings', () => {
    const pool = ['a', 'Z', '9', ' ', "'", '’', '.', ',', 'é', 'e\u0301', '\u0301', 'ሰ', '፩', '²', '½', '😀', '𞤀', '-', 'ƙ', '\u00AD', '፡', 'Ⅻ'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 50_000; n += 1) {
      let text = '';
      for (let length = 1 + Math.floor(random() * 10); length > 0; length -= 1) text += pool[Math.floor(random() * pool.length)];
      if (countWords(text, 'sw') !== countWordsByPattern(text)) expect({ text, words: countWords(text, 'sw') }).toEqual({ text, words: countWordsByPattern(text) });
    }
  });

  it('agrees with the pattern on every text of the shipped corpus', async () => {
    for (const file of fs.readdirSync(CORPUS).filter((name) => name.endsWith('.tsv'))) {
      for await (const row of readTsvRows(fs.createReadStream(path.join(CORPUS, file)))) {
        if ('reason' in row) throw new Error(row.reason);
        expect({ file, line: row.line, words: countWords(row.text, 'sw') }).toEqual({ file, line: row.line, words: countWordsByPattern(row.text) });
      }
    }
  });
});
