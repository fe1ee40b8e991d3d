import { matchesAsPrefix } from './search.prefix';

/**
 * A PostgreSQL tsquery for to_tsquery('simple', $1), built from terms from
 * parseSearchQuery and matched against to_tsvector('simple', normalised text):
 *
 *   'kenya' & 'bunge' & 'spik':*
 *
 * Every term is a quoted lexeme (quotes and backslashes inside are doubled, as
 * tsquery input requires), so &, |, !, <->, ( ) and : in a word are plain
 * characters. Pass the result as a bind parameter, never spliced into SQL.
 * The last term matches as a prefix, like the FTS5 expression.
 */
export function toTsQuery(terms: readonly string[]): string {
  if (terms.length === 0) throw new RangeError('toTsQuery needs at least one term');
  return terms
    .map((term, index) => {
      const quoted = `'${term.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;
      return index === terms.length - 1 && matchesAsPrefix(term) ? `${quoted}:*` : quoted;
    })
    .join(' & ');
}
