import { LRUCache } from 'lru-cache';
import type { LanguageCode } from '../languages/language.catalogue';

// snowball-stemmers ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { newStemmer } = require('snowball-stemmers') as { newStemmer(algorithm: string): { stem(word: string): string } };

// Amharic writes "of", "in/by", "for/to" and "from" as a first syllable glued to
// the word: የኢትዮጵያ "of Ethiopia", በኢትዮጵያ "in Ethiopia". Words of three
// syllables or fewer keep theirs, since there the syllable is usually the stem
// (ከተማ "city", ለውጥ "change").
const AMHARIC_PROCLITICS = new Set(['የ', 'በ', 'ለ', 'ከ']);
const AMHARIC_MIN_SYLLABLES = 4;

/** Regular plurals (-s, English -ies); -ss/-us/-is words ("business", "virus", "crisis") are singular. */
function foldPlural(term: string): string {
  if (term.length <= 4 || !term.endsWith('s') || /(ss|us|is)$/.test(term)) return term;
  if (term.endsWith('ies')) return `${term.slice(0, -3)}y`;
  return term.slice(0, -1);
}

// French: the Snowball stemmer (about 9 µs a word), remembered per word: a
// language's vocabulary repeats, and the indexer stems every article it profiles.
// 50,000 words (the common vocabulary, a few MB): each of reindex's counting
// workers has its own, under a 64 MB heap, and 200,000 of a synthetic archive's
// renamed words ran them out of it.
const frenchSnowball = newStemmer('french');
const frenchStems = new LRUCache<string, string>({ max: 50_000 });
function stemFrench(term: string): string {
  let stem = frenchStems.get(term);
  if (stem === undefined) {
    stem = frenchSnowball.stem(term);
    frenchStems.set(term, stem);
  }
  return stem;
}

/**
 * Stemming for relatedness profiles only: search matches the words as typed,
 * so the FTS index holds them unstemmed. Each rule is here because it raised
 * precision@5 on the quality bench (bench/quality): Amharic proclitics
 * +0.009, English plurals +0.006 (Snowball's English scored 0.773 text-only
 * but 0.847 against 0.854 in the archive setting, so English keeps the
 * plural rule), French Snowball against the plural rule 0.736 vs 0.725
 * text-only and 0.826 vs 0.809 with topics (bench/quality/quality.stemmers.ts).
 * Swahili, Hausa and Somali inflect mostly with prefixes that no safe rule of
 * this size handles; word truncation did not help them, so their words pass unchanged.
 */
export function lightStem(term: string, language: LanguageCode): string {
  switch (language) {
    case 'am': {
      const syllables = [...term];
      return syllables.length >= AMHARIC_MIN_SYLLABLES && AMHARIC_PROCLITICS.has(syllables[0]) ? syllables.slice(1).join('') : term;
    }
    case 'en':
      return foldPlural(term);
    case 'fr':
      return stemFrench(term);
    default:
      return term;
  }
}
