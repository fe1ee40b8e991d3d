import { serialize } from 'node:v8';
import { scanTokens, TokenSpans } from '../text/text.tokenize';
import { hashOf, TokenTable } from './related.token-table';

/** Numbers every token of `text` through `table`, counting how often a new token is asked for. */
function numbered(table: TokenTable, text: string, asked: string[]): number[] {
  const spans = new TokenSpans();
  scanTokens(text, 'fr', spans);
  return Array.from({ length: spans.count }, (_, at) => table.numberAt(spans, at, (token) => (asked.push(token), asked.length - 1)));
}

describe('TokenTable', () => {
  it('numbers a token once, whether it lies in the text as a span or came as a string of its own', () => {
    const table = new TokenTable();
    const asked: string[] = [];
    // "café" folds to a string of its own ("cafe"); "cafe" is a span of the text: the same token.
    expect(numbered(table, 'Café cafe rais CAFE rais', asked)).toEqual([0, 0, 1, 0, 1]);
    expect(asked).toEqual(['cafe', 'rais']);
    expect(table.number('rais', () => 99)).toBe(1);
    expect(table.count).toBe(2);
  });

  it('tells apart tokens that are prefixes of each other and of the text around them', () => {
    const table = new TokenTable();
    const asked: string[] = [];
    expect(numbered(table, 'ab abc a abcd abc ab', asked)).toEqual([0, 1, 2, 3, 1, 0]);
    expect(asked).toEqual(['ab', 'abc', 'a', 'abcd']);
  });

  it('keeps a span one byte a character in a text that is not (a curly quote, Ge’ez), so the JSON of sets naming it is too', () => {
    const asked: string[] = [];
    numbered(new TokenTable(), 'ሰላም kenya’s elections', asked);
    expect(asked).toEqual(['ሰላም', 'kenya', 's', 'elections']);
    // V8 serializes a one-byte string as one byte a character, a two-byte one as two (a slice of the text: 2 × 9).
    expect(serialize(asked[3]).length).toBe(serialize('elections').length);
    expect(serialize(JSON.stringify(asked.slice(1)))).toEqual(serialize(JSON.stringify(['kenya', 's', 'elections'])));
  });

  it('keeps every token as it grows past its first slots', () => {
    const table = new TokenTable();
    const asked: string[] = [];
    const words = Array.from({ length: 30_000 }, (_, at) => `w${at.toString(36)}`);
    expect(numbered(table, words.join(' '), asked)).toEqual(words.map((_, at) => at));
    expect(numbered(table, [...words].reverse().join(' '), asked)).toEqual(words.map((_, at) => words.length - 1 - at));
    expect(asked.length).toBe(words.length);
  });

  // That a span hashes as its string does is the first test's "cafe" (a string, then a span).
  it('hashes with FNV-1a over UTF-16 code units', () => {
    expect(hashOf('')).toBe(0x811c9dc5);
    expect(hashOf('a')).toBe(Math.imul(0x811c9dc5 ^ 0x61, 0x01000193));
    expect(hashOf('ሰላም')).not.toBe(hashOf('ሰላ'));
  });
});
