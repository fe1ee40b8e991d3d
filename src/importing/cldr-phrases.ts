import type { LanguageCode } from '../languages/language.catalogue';

/**
 * Phrases pages print around a number, taken from CLDR through Intl like the
 * month names (month-names.ts): relative dates ("saa 9 zilizopita", "ከ9
 * ሰዓታት በፊት", "9 saacadood kahor") from Intl.RelativeTimeFormat, and the
 * minutes unit ("dakika 2", "mnt 2", "2 ደቂቃ") from Intl.NumberFormat. The
 * publishers' own forms ("awa 9 da suka wuce", "Minti 3 karatu") are in the
 * marker table (article-text.markers.ts); these add what CLDR's speakers
 * reviewed, in every plural form, without a second hand-typed copy.
 */

const UNITS: readonly Intl.RelativeTimeFormatUnit[] = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'];
// Enough counts to meet every plural category of our six languages (one, two, few, many, other).
const COUNTS = [1, 2, 3, 5, 9, 11, 21, 100];
const STYLES: readonly Intl.RelativeTimeFormatStyle[] = ['long', 'short', 'narrow'];

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The phrase around the number as a pattern: any spacing, any apostrophe, "{n}" for the number. */
function phrasePattern(phrase: string): string {
  return escapeRegex(phrase.trim())
    .replace(/\s*\\\{n\\\}\s*/, '\\s*(\\d{1,4})\\s*')
    .replace(/[\s\u00A0\u202F]+/g, '\\s+')
    .replace(/['’ʼ]/g, "['’ʼ]");
}

/** A formatted phrase with its number replaced by "{n}"; null when the number is not printed as digits. */
function withPlaceholder(phrase: string, count: number, language: LanguageCode): string | null {
  const number = new Intl.NumberFormat(language).format(count);
  const at = phrase.indexOf(number);
  if (at === -1 || /^[-−‐]/.test(phrase.trim())) return null; // "-9 h": a narrow form no page prints alone
  return `${phrase.slice(0, at)}{n}${phrase.slice(at + number.length)}`;
}

function relativeDatePatterns(language: LanguageCode): RegExp[] {
  const sources = new Set<string>();
  for (const style of STYLES) {
    const format = new Intl.RelativeTimeFormat(language, { style, numeric: 'always' });
    for (const unit of UNITS) {
      for (const count of COUNTS) {
        const phrase = withPlaceholder(format.format(-count, unit), count, language);
        if (phrase) sources.add(`(?<![\\p{L}\\p{N}])${phrasePattern(phrase)}(?![\\p{L}\\p{N}])`);
      }
    }
  }
  // "jana", "yesterday", "ትናንት": alone on the line only, the way pages print them.
  const auto = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  for (const offset of [-1, 0]) sources.add(`^${phrasePattern(auto.format(offset, 'day'))}$`);
  return [...sources].map((source) => new RegExp(source, 'iu'));
}

function minuteTemplates(language: LanguageCode): string[] {
  const templates = new Set<string>();
  // Narrow forms ("2d" in Somali, "2m" in English) read as other units too: left out.
  for (const unitDisplay of ['long', 'short'] as const) {
    const format = new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', unitDisplay });
    for (const count of COUNTS) {
      const phrase = withPlaceholder(format.format(count), count, language);
      if (phrase) templates.add(phrase.trim());
    }
  }
  return [...templates];
}

const relativeCache = new Map<LanguageCode, readonly RegExp[]>();
const minuteCache = new Map<LanguageCode, readonly string[]>();

/** CLDR's past relative times in `language` ("9 hours ago", "9 hr. ago", "9h ago", "yesterday"). */
export function cldrRelativeDatePatterns(language: LanguageCode): readonly RegExp[] {
  let patterns = relativeCache.get(language);
  if (!patterns) relativeCache.set(language, (patterns = relativeDatePatterns(language)));
  return patterns;
}

/** CLDR's minutes in `language` as reading-time templates: "{n} minutes", "{n} min", "mnt {n}". */
export function cldrMinuteTemplates(language: LanguageCode): readonly string[] {
  let templates = minuteCache.get(language);
  if (!templates) minuteCache.set(language, (templates = minuteTemplates(language)));
  return templates;
}
