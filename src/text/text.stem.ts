import type { LanguageCode } from '../languages/language.catalogue';

// Amharic writes "of", "in/by", "for/to" and "from" as a first syllable glued to
// the word: የኢትዮጵያ "of Ethiopia", በኢትዮጵያ "in Ethiopia". Words of three
// syllables or fewer keep theirs, since there the syllable is usually the stem
// (ከተማ "city", ለውጥ "change").
const AMHARIC_PROCLITICS = new Set(['የ', 'በ', 'ለ', 'ከ']);
const AMHARIC_MIN_SYLLABLES = 4;

/** Regular plurals (-s, English -ies); -ss/-us/-is words ("business", "virus", "crisis") are singular. */
function foldPlural(term: string, language: 'en' | 'fr'): string {
  if (term.length <= 4 || !term.endsWith('s') || /(ss|us|is)$/.test(term)) return term;
  if (language === 'en' && term.endsWith('ies')) return `${term.slice(0, -3)}y`;
  return term.slice(0, -1);
}

/**
 * Light stemming for relatedness profiles only: search matches the words as
 * typed, so the FTS index holds them unstemmed. Each rule is here because it
 * raised precision@5 on the quality bench (bench/quality): French plurals
 * +0.016, Amharic proclitics +0.009, English plurals +0.006. Swahili, Hausa
 * and Somali inflect mostly with prefixes that no safe rule of this size
 * handles; word truncation did not help them, so their words pass unchanged.
 */
export function lightStem(term: string, language: LanguageCode): string {
  switch (language) {
    case 'am': {
      const syllables = [...term];
      return syllables.length >= AMHARIC_MIN_SYLLABLES && AMHARIC_PROCLITICS.has(syllables[0]) ? syllables.slice(1).join('') : term;
    }
    case 'en':
    case 'fr':
      return foldPlural(term, language);
    default:
      return term;
  }
}
