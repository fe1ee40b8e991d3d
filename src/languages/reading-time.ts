import { LANGUAGES, isSupportedLanguage } from './language.catalogue';

const DEFAULT_WORDS_PER_MINUTE = 200;
const unitFormatters = new Map<string, Intl.NumberFormat>();
const wordSegmenters = new Map<string, Intl.Segmenter>();

/** Words as a reader counts them, using Unicode word boundaries (works for Ge'ez too). */
export function countWords(text: string, language: string): number {
  let segmenter = wordSegmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'word' });
    wordSegmenters.set(language, segmenter);
  }
  let words = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words += 1;
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
