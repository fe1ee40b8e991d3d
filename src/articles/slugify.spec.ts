import { slugify } from './slugify';

describe('slugify', () => {
  it.each([
    ['Hamas ina matumaini juu ya kusitisha mapigano, Israeli inahujumu - Kalin', 'hamas-ina-matumaini-juu-ya-kusitisha-mapigano-israeli-inahujumu-kalin'],
    ["Côte d'Ivoire : la présidentielle", 'cote-d-ivoire-la-presidentielle'],
    ['Ƙungiyar ECOWAS ta ɗauki mataki', 'ƙungiyar-ecowas-ta-ɗauki-mataki'],
    ['የኢትዮጵያ ምርጫ ቦርድ፡ አዲስ መመሪያ', 'የኢትዮጵያ-ምርጫ-ቦርድ-አዲስ-መመሪያ'],
    ['  --Uturuki!!  ', 'uturuki'],
    ['2024: Mwaka wa uchaguzi', '2024-mwaka-wa-uchaguzi'],
    ['!!!', ''],
  ])('%j -> %j', (title, slug) => expect(slugify(title)).toBe(slug));

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('neno '.repeat(60));
    expect(slug.length).toBeLessThanOrEqual(100);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.endsWith('neno')).toBe(true);
  });
});
