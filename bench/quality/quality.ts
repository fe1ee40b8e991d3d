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
 *
 * Archive setting (issue 13): half of each file is the categorized archive,
 * the other half arrives without categories; the topic model learns from the
 * archive. Precision@5 of the new articles' related lists next to the issue's
 * plain TF-IDF cosine (quality.tfidf.ts), and how often the first suggested
 * category is right; each half is once the archive, the two runs averaged.
 */
import { resolve } from 'node:path';
import { LANGUAGES, SUPPORTED_LANGUAGES } from '../../src/languages/language.catalogue';
import { archiveScores } from './quality.archive';
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
  console.log('\narchive setting: half categorized, half new (both ways round)');
  console.log('language         articles  related p@5  tf-idf p@5  suggestion accuracy');
  for (const language of SUPPORTED_LANGUAGES) {
    const articles = loadCorpus(corpusDirectory, language);
    const runs = [archiveScores(articles, language, 0), archiveScores(articles, language, 1)];
    const mean = (pick: (scores: (typeof runs)[number]) => number) => ((pick(runs[0]) + pick(runs[1])) / 2).toFixed(3);
    const cells = [
      LANGUAGES[language].englishName.padEnd(12),
      String(articles.length).padStart(13),
      mean((r) => r.habari).padStart(12),
      `${mean((r) => r.tfidf)}`.padStart(11),
      `${mean((r) => r.suggestion)}`.padStart(20),
      `  (halves: ${runs.map((r) => r.habari.toFixed(3)).join(' / ')})`,
    ];
    console.log(cells.join(' '));
  }
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main(resolve(process.argv[2] ?? 'corpus'));
