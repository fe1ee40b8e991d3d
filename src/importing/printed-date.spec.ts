import { lookUpMonthName } from './month-names';
import { parsePrintedDate } from './printed-date';

describe('parsePrintedDate', () => {
  it.each([
    ['13 Septemba 2024', '2024-09-13', ['sw']],
    ['13 SEPTEMBA 2024', '2024-09-13', ['sw']],
    ['Ijumaa, 13 Septemba 2024', '2024-09-13', ['sw']],
    ['13 Satumba, 2024', '2024-09-13', ['ha']],
    ['13 ሴፕቴምበር 2024', '2024-09-13', ['am']],
    ['Sebtembar 13, 2024', '2024-09-13', ['so']],
    ['13 septembre 2024', '2024-09-13', ['fr']],
    ['1er septembre 2024 à 10h30', '2024-09-01', ['fr']],
    ['13 sept. 2024', '2024-09-13', ['fr']],
    ['September 13, 2024', '2024-09-13', ['en']],
    ['Updated: Friday 13th September 2024, 10:30 GMT', '2024-09-13', ['en']],
    ['2024-09-13', '2024-09-13', []],
    ['2024-09-13T08:15:00Z', '2024-09-13', []],
  ])('%s', (line, iso, languages) => {
    const printed = parsePrintedDate(line);
    expect(printed?.date?.toISOString().slice(0, 10)).toBe(iso);
    expect(printed?.languages).toEqual(languages);
  });

  it('gives a null date for a day that does not exist, rather than rolling over', () => {
    expect(parsePrintedDate('31 Februari 2024')).toEqual({ date: null, languages: ['sw'] });
    expect(parsePrintedDate('2024-02-30')).toEqual({ date: null, languages: [] });
  });

  it.each([
    'Mkutano ulifanyika 13 Septemba 2024 mjini Ankara na viongozi wote.',
    'On 13 September 2024 the minister resigned.',
    '09/10/2024',
    '13 Hamas 2024',
    'UTURUKI',
  ])('is not a date line: %s', (line) => {
    expect(parsePrintedDate(line)).toBeNull();
  });
});

describe('lookUpMonthName', () => {
  it('finds long and short CLDR names, case- and accent-blind', () => {
    expect(lookUpMonthName('Septemba')).toEqual({ month: 8, languages: ['sw'] });
    expect(lookUpMonthName('fevrier')?.month).toBe(1);
    expect(lookUpMonthName('FÉVR.')?.month).toBe(1);
    expect(lookUpMonthName('Oct')?.languages).toEqual(['fr', 'en']);
    expect(lookUpMonthName('Hamas')).toBeNull();
  });
});
