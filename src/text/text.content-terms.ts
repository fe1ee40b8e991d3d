import type { LanguageCode } from '../languages/language.catalogue';
import { stopWordsOf } from './text.stopwords';

const DIGITS_ONLY = /^\p{N}+$/u;

/**
 * The tokens that can say what a text is about: no stop words, no bare numbers
 * (years and counts link unrelated stories: "2022" is in half the corpus), no
 * one-character leftovers of abbreviations and elisions ("l", "s", "u").
 * Used for relatedness profiles and for choosing distinctive words; search keeps
 * numbers because people do type them.
 */
export function contentTerms(tokens: readonly string[], language: LanguageCode): string[] {
  const stopWords = stopWordsOf(language);
  return tokens.filter((token) => isContentTerm(token, stopWords));
}

/** contentTerms' rule for one token, with its language's stop words (stopWordsOf) looked up once by the caller. */
export function isContentTerm(token: string, stopWords: ReadonlySet<string>): boolean {
  return hasTwoCodePoints(token) && !DIGITS_ONLY.test(token) && !stopWords.has(token);
}

/**
 * Whether a token is more than one character (code point): what `[...token].length > 1`
 * says, without an array per token (the bulk build asks it of every token of every article).
 */
function hasTwoCodePoints(token: string): boolean {
  if (token.length !== 2) return token.length > 2;
  const first = token.charCodeAt(0);
  const second = token.charCodeAt(1);
  // One code point in two code units: a surrogate pair.
  return !(first >= 0xd800 && first <= 0xdbff && second >= 0xdc00 && second <= 0xdfff);
}
