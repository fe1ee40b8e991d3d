/**
 * Whether the last typed word also matches as a prefix. Only words long
 * enough to narrow the search do: "a*" expands to most of the index and made
 * one search cost a hundred times the median. Ge'ez letters are syllables, so
 * two already say as much as three Latin letters.
 */
const MIN_PREFIX_LATIN = 3;
const MIN_PREFIX_ETHIOPIC = 2;

export function matchesAsPrefix(term: string): boolean {
  const length = [...term].length;
  return /\p{Script=Ethiopic}/u.test(term) ? length >= MIN_PREFIX_ETHIOPIC : length >= MIN_PREFIX_LATIN;
}
