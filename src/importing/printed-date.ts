import type { LanguageCode } from '../languages/language.catalogue';
import { lookUpMonthName } from './month-names';

export interface PrintedDate {
  /** UTC midnight of the printed day; null when the printed day does not exist (31 February). */
  date: Date | null;
  /** Languages whose month name was printed; evidence for the article's language. */
  languages: readonly LanguageCode[];
}

// A date line is short; longer lines are sentences that happen to hold a date.
const MAX_DATE_LINE = 80;
// Words a date line may carry besides the date: "Published", "Ijumaa,", "Updated: Friday".
const MAX_OTHER_WORDS = 2;

const DAY_MONTH_YEAR = /(?<![\p{L}\p{N}])(\d{1,2})(?:er|st|nd|rd|th)?[\s.\-/]+(\p{L}+\.?)[\s,.\-/]+(\d{4})(?!\d)/gu;
const MONTH_DAY_YEAR = /(?<![\p{L}\p{N}])(\p{L}+\.?)[\s\-/]+(\d{1,2})(?:st|nd|rd|th)?[\s,.\-/]+(\d{4})(?!\d)/gu;
const ISO_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)/u;
const CLOCK_TIME = /(?<!\d)\d{1,2}[:h.]\d{2}(?:[:.]\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.|gmt|utc|eat|wat|cat))?/giu;

interface Found {
  start: number;
  end: number;
  day: number;
  month: number;
  year: number;
  languages: readonly LanguageCode[];
}

function findNamedDate(line: string): Found | null {
  for (const match of line.matchAll(DAY_MONTH_YEAR)) {
    const name = lookUpMonthName(match[2]);
    if (name) return found(match, Number(match[1]), name.month, Number(match[3]), name.languages);
  }
  for (const match of line.matchAll(MONTH_DAY_YEAR)) {
    const name = lookUpMonthName(match[1]);
    if (name) return found(match, Number(match[2]), name.month, Number(match[3]), name.languages);
  }
  const iso = ISO_DATE.exec(line);
  if (iso) return found(iso, Number(iso[3]), Number(iso[2]) - 1, Number(iso[1]), []);
  return null;
}

function found(match: RegExpMatchArray, day: number, month: number, year: number, languages: readonly LanguageCode[]): Found {
  const start = match.index ?? 0;
  return { start, end: start + match[0].length, day, month, year, languages };
}

function calendarDay(year: number, month: number, day: number): Date | null {
  if (year < 1900 || year > 2100 || month < 0 || month > 11) return null;
  const date = new Date(Date.UTC(year, month, day));
  return date.getUTCDate() === day && date.getUTCMonth() === month ? date : null;
}

/**
 * Reads a line that is a printed calendar date ("13 Septemba 2024",
 * "September 13, 2024", "13 sept. 2024", "2024-09-13"), perhaps with a
 * weekday, a time or a word like "Updated". Returns null for any other line,
 * including sentences that mention a date. Numeric dates like 09/10/2024 are
 * not read: day-first and month-first pages print them alike, and a wrong
 * date is worse than none.
 */
export function parsePrintedDate(line: string): PrintedDate | null {
  if (line.length > MAX_DATE_LINE) return null;
  const hit = findNamedDate(line);
  if (!hit) return null;
  const rest = (line.slice(0, hit.start) + ' ' + line.slice(hit.end))
    .replace(CLOCK_TIME, ' ')
    .replace(/[|,•·\-–—():.]/g, ' ')
    .trim();
  if (/\d/.test(rest)) return null;
  const otherWords = rest === '' ? 0 : rest.split(/\s+/).length;
  if (otherWords > MAX_OTHER_WORDS) return null;
  return { date: calendarDay(hit.year, hit.month, hit.day), languages: hit.languages };
}
