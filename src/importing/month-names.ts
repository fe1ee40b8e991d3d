import { SUPPORTED_LANGUAGES, type LanguageCode } from '../languages/language.catalogue';
import { textShape } from './text-shape';

export interface MonthName {
  /** 0-based, as Date.UTC wants it. */
  month: number;
  /** Languages whose CLDR data prints this name ("jan" is several). */
  languages: readonly LanguageCode[];
}

/**
 * Month names come from CLDR through Intl rather than being typed by hand:
 * CLDR is reviewed by speakers, and typing "Septemba" or "ሴፕቴምበር" here
 * would be a second, unreviewed copy. Both the stand-alone form and the form
 * used inside a date are kept (Somali prints "Sebteembar" alone but
 * "Sebtembar 13, 2024"), long and short.
 */
function buildLookup(): ReadonlyMap<string, MonthName> {
  const lookup = new Map<string, { month: number; languages: LanguageCode[] }>();
  for (const language of SUPPORTED_LANGUAGES) {
    for (let month = 0; month < 12; month += 1) {
      const day = new Date(Date.UTC(2024, month, 13));
      const names = new Set<string>();
      for (const width of ['long', 'short'] as const) {
        names.add(new Intl.DateTimeFormat(language, { month: width, timeZone: 'UTC' }).format(day));
        const inDate = new Intl.DateTimeFormat(language, { month: width, day: 'numeric', timeZone: 'UTC' })
          .formatToParts(day)
          .find((part) => part.type === 'month');
        if (inDate) names.add(inDate.value);
      }
      for (const name of names) {
        const key = monthKey(name);
        if (key === '' || /\d/.test(key)) continue; // a locale without names falls back to "M09"
        const known = lookup.get(key);
        if (!known) lookup.set(key, { month, languages: [language] });
        else if (known.month === month && !known.languages.includes(language)) known.languages.push(language);
      }
    }
  }
  return lookup;
}

function monthKey(token: string): string {
  return textShape.fold(token).replace(/\.$/, '').trim();
}

let lookup: ReadonlyMap<string, MonthName> | null = null;

/** The month a printed name means, in any supported language, case- and accent-blind. */
export function lookUpMonthName(token: string): MonthName | null {
  lookup ??= buildLookup();
  return lookup.get(monthKey(token)) ?? null;
}
