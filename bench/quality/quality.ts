/**
 * Related-article and search quality on the MasakhaNEWS validation split.
 *
 *   npm run build && node dist/bench/quality/quality.js [corpus directory]
 *
 * Related: precision@5, the share of the 5 related articles that belong to the
 * article's own (hidden) category, ours next to a plain TF-IDF cosine baseline.
 * Search: how often an article is in the top 3 for 3 distinctive headline words.
 * Targets: precision@5 ≥ 0.80 for sw and en, above the baseline everywhere,
 * search hits ≥ 0.95.
 */
import { resolve } from 'node:path';
import { LANGUAGES, SUPPORTED_LANGUAGES } from '../../src/languages/language.catalogue';
import { loadCorpus } from './quality.corpus';
import { baselinePrecision, relatedPrecision, searchHitRate } from './quality.measures';

function main(corpusDirectory: string): void {
  const started = Date.now();
  console.log('language     articles  related p@5  baseline p@5  search hit@3');
  for (const language of SUPPORTED_LANGUAGES) {
    const articles = loadCorpus(corpusDirectory, language);
    const cells = [
      LANGUAGES[language].englishName.padEnd(12),
      String(articles.length).padStart(8),
      relatedPrecision(articles, language).toFixed(3).padStart(13),
      baselinePrecision(articles, language).toFixed(3).padStart(13),
      searchHitRate(articles, language).toFixed(3).padStart(13),
    ];
    console.log(cells.join(' '));
  }
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main(resolve(process.argv[2] ?? 'corpus'));
