import { LANGUAGES, isSupportedLanguage } from './language.catalogue';

const DEFAULT_WORDS_PER_MINUTE = 200;
const unitFormatters = new Map<string, Intl.NumberFormat>();
/**
 * A word: a run of letters, marks and digits, with inner apostrophes
 * ("n'importe", Somali "ka'a")
 * and numbers with separators ("3,5"). Ge'ez words are letter runs between spaces or
 * the Ethiopic wordspace. A regex rather than Intl.Segmenter: the segmenter
 * is ~50x slower, which dominated bulk-import time.
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+|[.,]\p{N}+)*/gu;

export function countWords(text: string, _language: string): number {
  let words = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) words += 1;
  return words;
}

/** At least one minute: a news page never says "0 min". */
export function deriveReadingTimeMinutes(wordCount: number, language: string): number {
  const wpm = isSupportedLanguage(language) ? LANGUAGES[language].wordsPerMinute : DEFAULT_WORDS_PER_MINUTE;
  return Math.max(1, Math.round(wordCount / wpm));
}

/**
 * "2 dk kusoma" (sw, as TRT Afrika prints it), "2 min read" (en); languages
 * without a newsroom phrase in the catalogue use CLDR's short unit name.
 */
export function formatReadingTime(minutes: number, language: string): string {
  const info = isSupportedLanguage(language) ? LANGUAGES[language] : null;
  if (info?.readingTimeTemplate) {
    return info.readingTimeTemplate.replace('{n}', new Intl.NumberFormat(language).format(minutes));
  }
  let formatter = unitFormatters.get(language);
  if (!formatter) {
    formatter = new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
    unitFormatters.set(language, formatter);
  }
  return formatter.format(minutes);
}
