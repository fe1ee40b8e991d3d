import type Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../config';
import { openDatabase } from '../db/data-source';
import { normalizeText } from '../text/text.normalize';
import { SearchQueryError } from './search.errors';
import { toFts5Match } from './search.fts5';
import { parseSearchQuery } from './search.query';
import { toTsQuery } from './search.tsquery';

/** Inputs that break naive query builders. None may produce an invalid expression. */
const NASTY_INPUTS: readonly string[] = [
  '"', '""', '"a" "b"', 'a"b', "'", "''", "o'brien", "'; DROP TABLE docs; --",
  '\\', '\\\\', 'a\\b', '&|!():*', 'a & b | !c', '!a', 'a!', '&&', '||', '<->', 'a <-> b', 'a <2> b', '<', '>',
  '(', ')', '()', '*', 'a*', '*a', 'a:*', ':', 'title:x', 'body:', '{title body}: x', '^', '^a', '+', 'a + b',
  '-', '- a', 'a -b', '--', 'NEAR', 'NEAR(a b)', 'NEAR(a b, 2)', 'AND', 'OR', 'NOT', 'a AND', 'OR b', 'NOT NOT', 'a OR OR b',
  '\u0000', 'a\u0000b', '\n', '\t', '\uFEFF', '\uD800', 'a\uDC00b', '%_', '?', '[]', '{}', '$1', '@@', '/* */',
  '🔥', 'a🔥b', '👨‍👩‍👧', '⚽ goli', 'ኢትዮጵያ', 'ሰላም፡ለዓለም።', '፡።፣', 'የኢትዮጵያ ምርጫ*',
  'ʼ', '’', 'ƙasar', 'İstanbul', '𝔸𝕓𝕔', '١٢٣', 'ﷺ', 'ꟊ', '𞟠', 'ǅ', 'a\u0301',
  'x'.repeat(200), `${'ኢ'.repeat(120)} ${'y'.repeat(79)}`, 'x'.repeat(201),
];

/** The terms a query builder receives, or null when the input is rightly refused. */
function termsOf(input: string): string[] | null {
  try {
    return parseSearchQuery(input, 'en').terms;
  } catch (error) {
    if (error instanceof SearchQueryError) return null;
    throw error;
  }
}

describe('query builders on nasty input', () => {
  const accepted = NASTY_INPUTS.map(termsOf).filter((terms): terms is string[] => terms !== null);

  it('accepts most of them as plain words', () => {
    expect(accepted.length).toBeGreaterThan(NASTY_INPUTS.length / 2);
    for (const terms of accepted) for (const term of terms) expect(term).toMatch(/^[\p{L}\p{N}]+$/u);
  });

  it('gives PostgreSQL a tsquery of quoted lexemes only', () => {
    const lexeme = String.raw`'(?:[^'\\]|''|\\\\)+'`;
    const shape = new RegExp(`^${lexeme}(?: & ${lexeme})*(?::\\*)?$`, 'u');
    for (const terms of accepted) {
      const query = toTsQuery(terms);
      expect(query).toMatch(shape);
      const lexemes = [...query.matchAll(new RegExp(lexeme, 'gu'))].map(([quoted]) => quoted.slice(1, -1).replace(/''/g, "'").replace(/\\\\/g, '\\'));
      expect(lexemes).toEqual(terms);
    }
  });

  describe('on a real SQLite FTS5 table', () => {
    // The index exactly as the migrations create it, in a migrated in-memory database.
    let dataSource: DataSource;
    let db: Database.Database;
    const search = (input: string) =>
      db
        .prepare('SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY bm25(article_search, 10, 4, 1), rowid')
        .all(toFts5Match(parseSearchQuery(input, 'en').terms))
        .map((row) => (row as { rowid: number }).rowid);

    beforeAll(async () => {
      dataSource = await openDatabase(parseDatabaseUrl('sqlite::memory:'));
      db = (dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
      const insert = db.prepare('INSERT INTO article_search (rowid, title, standfirst, body) VALUES (?, ?, ?, ?)');
      const rows: [number, string, string, string][] = [
        [1, 'Ƙasar Najeriya', "'yan sanda sun kama", 'Hukumar ta ce'],
        [2, "L'État et l’Afrique", 'Élection présidentielle', 'Le président a parlé'],
        [3, 'የኢትዮጵያ ምርጫ', 'ሰላም፡ለዓለም።', 'ኢትዮጵያ አዲስ አበባ'],
        [4, 'NEAR AND OR NOT', 'title: body', "O'Brien & co \"quoted\" (x) ^y *z"],
      ];
      for (const [id, ...fields] of rows) insert.run(id, ...fields.map(normalizeText));
    });
    afterAll(() => dataSource.destroy());

    it('runs every accepted nasty input without an error', () => {
      const match = db.prepare('SELECT rowid FROM article_search WHERE article_search MATCH ?');
      const failures = accepted.flatMap((terms) => {
        try {
          match.all(toFts5Match(terms));
          return [];
        } catch (error) {
          return [`${JSON.stringify(terms)}: ${(error as Error).message}`];
        }
      });
      expect(failures).toEqual([]);
    });

    it.each([
      ['Hausa with or without hooks', 'kasar', [1]],
      ["Hausa 'yan as ƴan", 'ƴan sanda', [1]],
      ['French without accents', 'etat election', [2]],
      ['French elision', "l'afrique", [2]],
      ['Ge\'ez', 'ምርጫ', [3]],
      ['Ge\'ez prefix of the last word', 'ኢትዮ', [3]],
      ['operator words as words', 'near or not', [4]],
      ['column-like words as words', 'title:', [4]],
      ['prefix of the last word only', 'presid', [2]],
      ['every word is required', 'kasar etat', []],
    ])('finds %s', (_case, input, expected) => {
      expect(search(input)).toEqual(expected);
    });
  });
});
