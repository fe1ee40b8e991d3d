/**
 * Stemming for English and French: a maintained Snowball stemmer
 * (snowball-stemmers 0.6.0) against text.stem.ts's lightStem, on the quality
 * bench's text-only and archive settings.
 *
 *   npm run build && node dist/bench/quality/quality.stemmers.js [corpus directory]
 */
import { resolve } from 'node:path';
import type { LanguageCode } from '../../src/languages/language.catalogue';
import { RELATED_WEIGHTS, TERM_PROFILE } from '../../src/related/related.weights';
import { TOPIC_MODEL } from '../../src/topics/topics.model';
import { lightStem } from '../../src/text/text.stem';
import { archiveScores } from './quality.archive';
import { loadCorpus } from './quality.corpus';
import { relatedPrecision } from './quality.measures';

// snowball-stemmers ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { newStemmer } = require('snowball-stemmers') as { newStemmer(algorithm: string): { stem(word: string): string } };
const snowball = { en: newStemmer('english'), fr: newStemmer('french') };
const snowballStem = (term: string, language: LanguageCode) => (language === 'en' || language === 'fr' ? snowball[language].stem(term) : lightStem(term, language));

function main(corpusDirectory: string): void {
  console.log('language  stemmer       text-only p@5  archive p@5  suggestion accuracy');
  for (const language of ['en', 'fr'] as const) {
    const articles = loadCorpus(corpusDirectory, language);
    for (const [name, stem] of [['text.stem.ts', lightStem], ['Snowball', snowballStem]] as const) {
      const tuning = { weights: RELATED_WEIGHTS, model: TOPIC_MODEL, stem };
      const runs = [archiveScores(articles, language, 0, tuning), archiveScores(articles, language, 1, tuning)];
      console.log(
        [
          language.padEnd(9),
          name.padEnd(13),
          relatedPrecision(articles, language, { profile: TERM_PROFILE, weights: RELATED_WEIGHTS }, stem).toFixed(3).padStart(13),
          ((runs[0].habari + runs[1].habari) / 2).toFixed(3).padStart(12),
          ((runs[0].suggestion + runs[1].suggestion) / 2).toFixed(3).padStart(20),
        ].join(' '),
      );
    }
  }
}

main(resolve(process.argv[2] ?? 'corpus'));
