import stopwordsIso = require('stopwords-iso/stopwords-iso.json');
import type { LanguageCode } from '../languages/language.catalogue';
import { SUPPORTED_LANGUAGES } from '../languages/language.catalogue';
import { AMHARIC_STOP_WORDS } from './text.stopwords-am';
import { tokenize } from './text.tokenize';

// stopwords-iso 1.1.0 covers sw (74 words), ha (39), so (30), fr (691) and
// en (1298); it has no Amharic, see text.stopwords-am.ts. Note that its English
// list is broad: it also holds content words such as "world", "million" and
// "research".
const SOURCE_LISTS: Readonly<Record<LanguageCode, readonly string[]>> = {
  sw: stopwordsIso.sw,
  ha: stopwordsIso.ha,
  am: AMHARIC_STOP_WORDS,
  so: stopwordsIso.so,
  fr: stopwordsIso.fr,
  en: stopwordsIso.en,
};

// The lists are spelled with accents and apostrophes ("été", "aujourd'hui",
// "'ll"); they go through the same tokenizer as the text so that they compare
// equal to normalised tokens ("ete", "aujourd" + "hui", "ll").
const STOP_WORDS: ReadonlyMap<LanguageCode, ReadonlySet<string>> = new Map(
  SUPPORTED_LANGUAGES.map((language) => [
    language,
    new Set(SOURCE_LISTS[language].flatMap((entry) => tokenize(entry, language))),
  ]),
);

const NONE: ReadonlySet<string> = new Set();

/** Whether a normalised token is a stop word in the given language. */
export function isStopWord(term: string, language: LanguageCode): boolean {
  return stopWordsOf(language).has(term);
}

/** A language's stop words, normalised (empty for a language without a list): for callers that test every token of a text. */
export function stopWordsOf(language: LanguageCode): ReadonlySet<string> {
  return STOP_WORDS.get(language) ?? NONE;
}
