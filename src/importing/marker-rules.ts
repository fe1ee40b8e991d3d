import { SUPPORTED_LANGUAGES, type LanguageCode } from '../languages/language.catalogue';
import { ARTICLE_TEXT_MARKERS, type ArticleTextMarkers } from './article-text.markers';
import { cldrMinuteTemplates } from './cldr-phrases';
import { textShape } from './text-shape';

type StringMarkerField = {
  [K in keyof ArticleTextMarkers]: ArticleTextMarkers[K] extends readonly string[] ? K : never;
}[keyof ArticleTextMarkers];

export interface MarkerRule {
  /** Regex source for the marker words, without the colon. */
  pattern: string;
  /** Languages that print this marker; a line that shows it is evidence for them. */
  languages: readonly LanguageCode[];
  /** The table entry ends with a colon, so the page prints one after the words. */
  colon: boolean;
}

/** Colons as pages print them: ASCII, full-width, Ethiopic. */
export const COLON = '\\s*[:：፥፦]';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One language-tagged rule per distinct marker across all languages, longest
 * first so "MIN DE LECTURE" is tried before "MIN". Pages mix languages
 * ("Photo:" on a Swahili page), so the reader tries every language's markers
 * and keeps the languages as evidence for guessing the article's language.
 */
function buildRules(field: StringMarkerField): readonly MarkerRule[] {
  const byKey = new Map<string, { marker: string; colon: boolean; languages: LanguageCode[] }>();
  for (const language of SUPPORTED_LANGUAGES) {
    // Reading time is also printed as CLDR's plain minutes ("dakika 2", "mnt 2", "2 ደቂቃ").
    const derived = field === 'readingTime' ? cldrMinuteTemplates(language) : [];
    for (const entry of [...ARTICLE_TEXT_MARKERS[language][field], ...derived]) {
      const colon = /\s*[:：፥፦]$/.test(entry);
      const marker = entry.replace(/\s*[:：፥፦]$/, '').trim();
      const key = `${textShape.fold(marker)}|${colon}`;
      const known = byKey.get(key);
      if (known) known.languages.push(language);
      else byKey.set(key, { marker, colon, languages: [language] });
    }
  }
  return [...byKey.values()]
    .sort((a, b) => b.marker.length - a.marker.length)
    .map(({ marker, colon, languages }) => ({
      pattern: escapeRegex(marker).replace(/\s+/g, '\\s+').replace(/'/g, "['’ʼ]"),
      languages,
      colon,
    }));
}

const cache = new Map<StringMarkerField, readonly MarkerRule[]>();

export function markerRules(field: StringMarkerField): readonly MarkerRule[] {
  let rules = cache.get(field);
  if (!rules) {
    rules = buildRules(field);
    cache.set(field, rules);
  }
  return rules;
}
