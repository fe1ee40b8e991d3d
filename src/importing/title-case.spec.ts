import type { LanguageCode } from '../languages/language.catalogue';
import { toTitleCase } from './title-case';

describe('toTitleCase', () => {
  it.each<[string, LanguageCode, string]>([
    ['UTURUKI', 'sw', 'Uturuki'],
    ['TÜRKİYE', 'en', 'Türkiye'],
    ['TÜRKİYE', 'sw', 'Türkiye'],
    ['AFRIKA MASHARIKI', 'sw', 'Afrika Mashariki'],
    ['SAYANSI NA TEKNOLOJIA', 'sw', 'Sayansi na Teknolojia'],
    ['NA HABARI', 'sw', 'Na Habari'],
    ['  AFRIKA   MASHARIKI ', 'sw', 'Afrika Mashariki'],
    ['AFRIQUE DE L’OUEST', 'fr', 'Afrique de l’Ouest'],
    ["CÔTE D'IVOIRE", 'fr', "Côte d'Ivoire"],
    ['PORT-AU-PRINCE', 'fr', 'Port-au-Prince'],
    ['ÉCONOMIE', 'fr', 'Économie'],
    ['SCIENCE AND TECHNOLOGY', 'en', 'Science and Technology'],
    ['politics', 'en', 'Politics'],
    ['LABARAN DUNIYA', 'ha', 'Labaran Duniya'],
    ['ƘASASHE', 'ha', 'Ƙasashe'],
    ['ኢትዮጵያ', 'am', 'ኢትዮጵያ'],
    ['Afrika Mashariki', 'sw', 'Afrika Mashariki'],
    ['eBay', 'en', 'eBay'],
    ['', 'sw', ''],
  ])('%s (%s) -> %s', (label, language, expected) => {
    expect(toTitleCase(label, language)).toBe(expected);
  });

  it('leaves no combining dot behind', () => {
    expect(toTitleCase('TÜRKİYE', 'en')).not.toMatch(/\u0307/);
  });
});
