import { canonicalLocale, formatPublishedAt } from './published-at-text';
import { countWords, deriveReadingTimeMinutes, formatReadingTime } from './reading-time';

const seedDate = new Date(Date.UTC(2024, 8, 13));

describe('formatPublishedAt', () => {
  it.each([
    ['sw', 'LONG', '13 Septemba 2024'],
    ['sw', 'SHORT', '13 Sep 2024'],
    ['ha', 'LONG', '13 Satumba, 2024'],
    ['fr', 'LONG', '13 septembre 2024'],
    ['en', 'LONG', 'September 13, 2024'],
    ['am', 'LONG', '13 ሴፕቴምበር 2024'],
    ['so', 'LONG', 'Sebtembar 13, 2024'],
  ] as const)('%s %s', (locale, style, expected) => {
    expect(formatPublishedAt(seedDate, locale, style, 'UTC')).toBe(expected);
  });

  it('prints the calendar day of the newsroom time zone', () => {
    const lateEvening = new Date(Date.UTC(2024, 8, 12, 22, 30));
    expect(formatPublishedAt(lateEvening, 'sw', 'LONG', 'UTC')).toBe('12 Septemba 2024');
    expect(formatPublishedAt(lateEvening, 'sw', 'LONG', 'Africa/Nairobi')).toBe('13 Septemba 2024');
  });
});

describe('canonicalLocale', () => {
  it.each([
    ['sw', 'sw'],
    ['SW-ke', 'sw-KE'],
    ['en-GB', 'en-GB'],
    ['not a locale', null],
    ['', null],
  ])('%j -> %j', (tag, expected) => expect(canonicalLocale(tag)).toBe(expected));
});

describe('reading time', () => {
  it.each([
    [2, 'sw', '2 dk kusoma'],
    [2, 'en', '2 min read'],
    [5, 'fr', '5 min de lecture'],
    [2, 'ha', 'mnt 2'],
    [2, 'am', '2 ደቂቃ'],
    [2, 'so', '2 daqiiqo'],
  ])('%i minutes in %s -> %s', (minutes, language, expected) => {
    expect(formatReadingTime(minutes, language)).toBe(expected);
  });

  it.each([
    [0, 'sw', 1],
    [50, 'sw', 1],
    [400, 'sw', 2],
    [460, 'en', 2],
    [450, 'am', 3],
  ])('%i words in %s -> %i min', (words, language, minutes) => {
    expect(deriveReadingTimeMinutes(words, language)).toBe(minutes);
  });

  it.each([
    ['Habari za leo, Nairobi!', 'sw', 4],
    ['ሰላም ነው። እንዴት ነህ?', 'am', 4],
    ['', 'en', 0],
    ["Côte d'Ivoire n'a pas 3,5 millions", 'fr', 6],
    ['የኢትዮጵያ፡ምርጫ ቦርድ', 'am', 3],
  ])('counts words in %j', (text, language, count) => expect(countWords(text, language)).toBe(count));
});
