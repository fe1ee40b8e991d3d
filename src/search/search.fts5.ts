import { matchesAsPrefix } from './search.prefix';

/**
 * A SQLite FTS5 MATCH expression for terms from parseSearchQuery, to run against
 * a table of already-normalised text (tokenize = 'unicode61 remove_diacritics 2'):
 *
 *   "kenya" AND "bunge" AND "spik"*
 *
 * Every term is an FTS5 string (a double quote inside is doubled), so no word,
 * not even AND, NEAR or a column name followed by ':', can act as syntax. The
 * last term matches as a prefix because people search while still typing it
 * (when it is long enough to narrow anything: see matchesAsPrefix).
 */
export function toFts5Match(terms: readonly string[]): string {
  if (terms.length === 0) throw new RangeError('toFts5Match needs at least one term');
  return terms
    .map((term, index) => {
      const quoted = `"${term.replace(/"/g, '""')}"`;
      return index === terms.length - 1 && matchesAsPrefix(term) ? `${quoted}*` : quoted;
    })
    .join(' AND ');
}
