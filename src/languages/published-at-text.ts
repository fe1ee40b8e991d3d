/**
 * The publication date as the article's language prints it, through Intl
 * (CLDR): sw LONG "13 Septemba 2024". Formatters are costly to build and a
 * list page formats the same few locale/style pairs many times, so they are
 * cached.
 */
export type DateTextStyle = 'LONG' | 'SHORT';

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatPublishedAt(date: Date, locale: string, style: DateTextStyle, timeZone: string): string {
  const key = `${locale}|${style}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: style === 'LONG' ? 'long' : 'short',
      year: 'numeric',
      timeZone,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}

/** Canonical BCP 47 form of a caller-supplied locale, or null when it is not one. */
export function canonicalLocale(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical ?? null;
  } catch {
    return null;
  }
}
