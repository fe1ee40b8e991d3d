import type { LanguageCode } from '../languages/language.catalogue';
import { normalizeText } from './text.normalize';

const segmenters = new Map<LanguageCode, Intl.Segmenter>();

function segmenterFor(language: LanguageCode): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'word' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

// Unicode word segmentation keeps "e.g", "3.5", "1,000" and "foo_bar" as one
// word, but SQLite's unicode61 and PostgreSQL split them. A term must be one
// token in every engine, so words are cut further into runs of letters/digits.
const LETTER_OR_DIGIT_RUNS = /[\p{L}\p{N}]+/gu;

// Intl.Segmenter is slow (about 1 MB/s). Between spaces, a run of only Latin or
// Ethiopic letters and decimal digits is always exactly one word under the
// Unicode rules (UAX #29 never breaks letter-letter, letter-digit, digit-digit),
// so such chunks, most of any text, skip it. Chunks with punctuation or other
// scripts (Thai, Chinese need a dictionary) still go through the segmenter.
// A chunk whose letters are all Latin or Ethiopic (with any punctuation or
// digits around them) splits into the same letter/digit runs with or without
// the segmenter: UAX #29 never breaks inside such a run (Ethiopic numerals,
// which the segmenter does not count as words, take the slow path). Most chunks with
// punctuation attached ("kenya," "(bbc)") take this path.
const ONLY_LATIN_OR_ETHIOPIC_LETTERS = /^(?:[^\p{L}\p{No}]|(?=\p{L})[\p{Script=Latin}\p{Script=Ethiopic}])*$/u;

// What the segmenter counts as words, for Latin and Ethiopic text: runs of
// letters and decimal digits (Ethiopic numerals are not word-like to it).
const WORD_RUNS = /[\p{L}\p{Nd}]+/gu;
const LETTER_OF_OTHER_SCRIPT = /(?=\p{L})[^\p{Script=Latin}\p{Script=Ethiopic}]/u;

const PLAIN_WORD = /^(?:\p{Nd}|(?=\p{L})[\p{Script=Latin}\p{Script=Ethiopic}])+$/u;

/**
 * The normalised words of a text, in order, duplicates kept (term frequency
 * needs them). Numbers are kept: people search for "covid 19", years and
 * scores, and the FTS index holds them too; relatedness drops them later
 * (see contentTerms). Ethiopic punctuation (፡ ። ፣ ፤) separates words.
 */
export function tokenize(text: string, language: LanguageCode): string[] {
  const normalized = normalizeText(text);
  // Fast path for text in our languages' scripts: one regex scan, no segmenter.
  if (!LETTER_OF_OTHER_SCRIPT.test(normalized)) return normalized.match(WORD_RUNS) ?? [];
  const tokens: string[] = [];
  for (const chunk of normalized.split(' ')) {
    if (PLAIN_WORD.test(chunk)) {
      tokens.push(chunk);
      continue;
    }
    if (ONLY_LATIN_OR_ETHIOPIC_LETTERS.test(chunk)) {
      // "word," "(2024)" "l'etat": the segmenter would find exactly these runs.
      for (const run of chunk.matchAll(LETTER_OR_DIGIT_RUNS)) tokens.push(run[0]);
      continue;
    }
    for (const segment of segmenterFor(language).segment(chunk)) {
      if (!segment.isWordLike) continue;
      for (const run of segment.segment.matchAll(LETTER_OR_DIGIT_RUNS)) tokens.push(run[0]);
    }
  }
  return tokens;
}
