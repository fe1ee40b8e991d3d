import { SUPPORTED_LANGUAGES } from '../languages/language.catalogue';
import { isStopWord } from '../text/text.stopwords';

/**
 * Whether the last typed word also matches as a prefix. Only words long
 * enough to narrow the search do: "a*" expands to most of the index and made
 * one search cost a hundred times the median. Ge'ez letters are syllables, so
 * two already say as much as three Latin letters.
 *
 * A stop word of any of our languages ("the", "des", "kwa") is a finished
 * word, not a beginning: expanded, it reaches thousands of terms ("the*" is
 * their, them, theatre...), and at 1,000,000 articles such a search cost
 * 0.9-1.0 s against 0.1 s for the word itself.
 */
const MIN_PREFIX_LATIN = 3;
const MIN_PREFIX_ETHIOPIC = 2;

export function matchesAsPrefix(term: string): boolean {
  const length = [...term].length;
  const longEnough = /\p{Script=Ethiopic}/u.test(term) ? length >= MIN_PREFIX_ETHIOPIC : length >= MIN_PREFIX_LATIN;
  return longEnough && !SUPPORTED_LANGUAGES.some((language) => isStopWord(term, language));
}
