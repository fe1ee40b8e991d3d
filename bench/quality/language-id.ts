/**
 * How often the language identifier (src/languages/language-identifier.ts)
 * names the right language on the MasakhaNEWS validation split, per language:
 * on whole articles (headline and text, what the importer hands it), on the
 * headline alone, and on the first 60 / 100 / 200 characters.
 *
 *   npm run bench -- language-id        (or node dist/bench/quality/language-id.js [corpus directory])
 */
import { resolve } from 'node:path';
import { identifyLanguage } from '../../src/languages/language-identifier';
import { LANGUAGES, SUPPORTED_LANGUAGES } from '../../src/languages/language.catalogue';
import { loadCorpus } from './quality.corpus';

function main(corpusDirectory: string): void {
  const samples: [string, (headline: string, text: string) => string][] = [
    ['article', (headline, text) => `${headline}\n${text}`],
    ['headline', (headline) => headline],
    ['60 chars', (headline, text) => `${headline}\n${text}`.slice(0, 60)],
    ['100 chars', (headline, text) => `${headline}\n${text}`.slice(0, 100)],
    ['200 chars', (headline, text) => `${headline}\n${text}`.slice(0, 200)],
  ];
  console.log(['language    ', 'articles', ...samples.map(([name]) => name.padStart(10)), 'headlines answered'].join(' '));
  for (const language of SUPPORTED_LANGUAGES) {
    const articles = loadCorpus(corpusDirectory, language);
    const cells = samples.map(([, sample]) => {
      const right = articles.filter((a) => identifyLanguage(sample(a.headline, a.text))?.language === language).length;
      return (right / articles.length).toFixed(3).padStart(10);
    });
    const answered = articles.filter((a) => identifyLanguage(a.headline) !== null).length / articles.length;
    console.log([LANGUAGES[language].englishName.padEnd(12), String(articles.length).padStart(8), ...cells, answered.toFixed(3).padStart(18)].join(' '));
  }
  console.log('(no answer counts as wrong: below 40 Latin letters the identifier does not answer)');
}

main(resolve(process.argv[2] ?? 'corpus'));
