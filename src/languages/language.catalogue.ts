import { Errors } from '../errors/error.catalogue';
/**
 * The one table of what Habari knows per language. Everything that "follows the
 * article's language" (dates, reading time, search, relatedness, the importer's
 * markers) looks its language up here or in a table keyed by these codes.
 */
export const SUPPORTED_LANGUAGES = ['sw', 'ha', 'am', 'so', 'fr', 'en'] as const;
export type LanguageCode = (typeof SUPPORTED_LANGUAGES)[number];

export interface LanguageInfo {
  code: LanguageCode;
  /** The language's own name for itself (endonym). */
  name: string;
  englishName: string;
  /** Script, ISO 15924. Amharic is written in Ge'ez (Ethiopic). */
  script: 'Latn' | 'Ethi';
  /** ISO 639-3, as language identifiers (franc) and MasakhaNEWS name it: Swahili is the individual language swh. */
  iso6393: string;
  /**
   * Average silent reading speed in words per minute. Latin-script news prose
   * reads at ~200-230 wpm; Ge'ez words carry more syllables per word, so
   * Amharic readers cover fewer words a minute.
   */
  wordsPerMinute: number;
  /**
   * How the newsroom prints reading time, when CLDR has no phrase for it.
   * `{n}` is the number of minutes, already formatted for the locale.
   * null: use CLDR's short unit name for minutes (Intl.NumberFormat unit style).
   */
  readingTimeTemplate: string | null;
}

export const LANGUAGES: Readonly<Record<LanguageCode, LanguageInfo>> = Object.freeze({
  sw: { code: 'sw', name: 'Kiswahili', englishName: 'Swahili', script: 'Latn', iso6393: 'swh', wordsPerMinute: 200, readingTimeTemplate: '{n} dk kusoma' },
  ha: { code: 'ha', name: 'Hausa', englishName: 'Hausa', script: 'Latn', iso6393: 'hau', wordsPerMinute: 200, readingTimeTemplate: null },
  am: { code: 'am', name: 'አማርኛ', englishName: 'Amharic', script: 'Ethi', iso6393: 'amh', wordsPerMinute: 150, readingTimeTemplate: null },
  so: { code: 'so', name: 'Soomaali', englishName: 'Somali', script: 'Latn', iso6393: 'som', wordsPerMinute: 200, readingTimeTemplate: null },
  fr: { code: 'fr', name: 'Français', englishName: 'French', script: 'Latn', iso6393: 'fra', wordsPerMinute: 220, readingTimeTemplate: '{n} min de lecture' },
  en: { code: 'en', name: 'English', englishName: 'English', script: 'Latn', iso6393: 'eng', wordsPerMinute: 230, readingTimeTemplate: '{n} min read' },
});

export function isSupportedLanguage(tag: string): tag is LanguageCode {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(tag);
}

/** Throws BAD_USER_INPUT (UNKNOWN_LANGUAGE) for a language tag Habari does not publish in; null means "any". */
export function assertLanguage(tag: string | null | undefined): void {
  if (tag != null && !isSupportedLanguage(tag)) throw Errors.unknownLanguage(tag, SUPPORTED_LANGUAGES);
}
