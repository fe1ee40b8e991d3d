import fs from 'node:fs';
import path from 'node:path';
import { readTsvRows } from '../importing/tsv.reader';
import { identifyLanguage } from './language-identifier';
import { LANGUAGES, SUPPORTED_LANGUAGES, type LanguageCode } from './language.catalogue';

const CORPUS = path.resolve(__dirname, '..', '..', 'corpus');
const FILES: Record<LanguageCode, string> = { sw: 'swa', ha: 'hau', am: 'amh', so: 'som', fr: 'fra', en: 'eng' };

describe('identifyLanguage', () => {
  // One news sentence per language, in the language's own wording.
  it.each([
    ['sw', 'Rais wa Kenya amesema serikali itaongeza fedha kwa shule za msingi mwaka huu.'],
    ['ha', 'Gwamnatin tarayya ta ce za ta kara kudin da ake bai wa makarantun firamare a bana.'],
    ['am', 'የኢትዮጵያ መንግስት አዲስ የባቡር መስመር መክፈቱን ባለስልጣናት ተናግረዋል።'],
    ['so', 'Dowladda federaalka ayaa sheegtay in ay kordhin doonto lacagta dugsiyada hoose sanadkan.'],
    ['fr', "Le gouvernement a annoncé mardi qu'il augmenterait le budget des écoles primaires cette année."],
    ['en', 'The government said on Tuesday that it would raise spending on primary schools this year.'],
  ] as const)('%s', (language, sentence) => {
    expect(identifyLanguage(sentence)?.language).toBe(language);
  });

  it('keeps to the candidates it is given', () => {
    const guess = identifyLanguage('The government said on Tuesday that it would raise spending on primary schools this year.', ['fr', 'sw']);
    expect(guess?.language === 'fr' || guess?.language === 'sw').toBe(true);
    expect(identifyLanguage('The government said on Tuesday that it would raise spending.', [])).toBeNull();
  });

  it('gives up on text too short to tell', () => {
    expect(identifyLanguage('Habari za leo')).toBeNull();
    expect(identifyLanguage('2024 / 13 / 09 — 12:30 · 99%')).toBeNull();
    // Ge'ez script is Amharic among ours at any length.
    expect(identifyLanguage('ዜና')?.language).toBe('am');
  });

  it('names the runner-up and how close it was', () => {
    const guess = identifyLanguage('Gwamnatin tarayya ta ce za ta kara kudin da ake bai wa makarantun firamare a bana.');
    expect(guess).toEqual({ language: 'ha', margin: expect.any(Number), runnerUp: expect.any(String) });
    expect(guess!.margin).toBeGreaterThan(0);
    expect(identifyLanguage('የኢትዮጵያ መንግስት አዲስ የባቡር መስመር መክፈቱን ባለስልጣናት ተናግረዋል።')).toEqual({ language: 'am', margin: 1, runnerUp: null });
  });

  // Whole articles (headline and text) are what the importer hands it: 100% on every file when measured.
  it.each(SUPPORTED_LANGUAGES)('identifies at least 99%% of the %s MasakhaNEWS dev articles', async (language) => {
    let right = 0;
    let total = 0;
    const wrong: string[] = [];
    for await (const row of readTsvRows(fs.createReadStream(path.join(CORPUS, `masakhanews-${FILES[language]}-dev.tsv`)))) {
      if ('reason' in row) throw new Error(row.reason);
      total += 1;
      const guess = identifyLanguage(`${row.headline}\n${row.text}`)?.language;
      if (guess === language) right += 1;
      else wrong.push(`line ${row.line}: ${guess}`);
    }
    expect({ language: LANGUAGES[language].englishName, total, accuracy: right / total >= 0.99, wrong: wrong.slice(0, 5) }).toEqual({
      language: LANGUAGES[language].englishName,
      total: expect.any(Number),
      accuracy: true,
      wrong: wrong.slice(0, 5),
    });
    expect(total).toBeGreaterThan(100);
  });
});
