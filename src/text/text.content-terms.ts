import type { LanguageCode } from '../languages/language.catalogue';
import { isStopWord } from './text.stopwords';

const DIGITS_ONLY = /^\p{N}+$/u;

/**
 * The tokens that can say what a text is about: no stop words, no bare numbers
 * (years and counts link unrelated stories: "2022" is in half the corpus), no
 * one-character leftovers of abbreviations and elisions ("l", "s", "u").
 * Used for relatedness profiles and for choosing distinctive words; search keeps
 * numbers because people do type them.
 */
export function contentTerms(tokens: readonly string[], language: LanguageCode): string[] {
  return tokens.filter(
    (token) => [...token].length > 1 && !DIGITS_ONLY.test(token) && !isStopWord(token, language),
  );
}
