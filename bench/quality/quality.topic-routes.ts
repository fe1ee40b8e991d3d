/**
 * Issue 13's routes to a better topic model for small labelled archives, each
 * against the production nearest-centroid model (quality.classifiers.ts):
 *
 *   npm run build && node dist/bench/quality/quality.topic-routes.js [corpus directory]
 *
 * Per language: archive-setting precision@5 and suggestion accuracy on the
 * bench's two halves (even/odd rows, both ways round, as quality.ts), then
 * suggestion accuracy over 10 seeded random halves (less noise: a half is 74
 * to 470 articles). Last, accuracy with 9/10 of the file categorized (10-fold):
 * what twice the labels would give the production model.
 */
import { resolve } from 'node:path';
import { SUPPORTED_LANGUAGES, type LanguageCode } from '../../src/languages/language.catalogue';
import type { RelatedInput } from '../../src/related/related.types';
import { RELATED_WEIGHTS, type RelatedWeights } from '../../src/related/related.weights';
import { TOPIC_MODEL } from '../../src/topics/topics.model';
import { lightStem } from '../../src/text/text.stem';
import { archiveScoresBothWays } from './quality.archive';
import {
  concentratedCentroid,
  logisticRegression,
  naiveBayes,
  nearestCentroid,
  nearestNeighbours,
  selfTrainedCentroid,
  type TopicClassifier,
} from './quality.classifiers';
import { loadCorpus, type CorpusArticle } from './quality.corpus';
import { corpusInputs } from './quality.measures';
import { seededRandom } from '../../src/synth/synth.drafts';

const RANDOM_HALVES = 10;

interface Route {
  name: string;
  classifier: TopicClassifier;
  weights?: RelatedWeights;
  stem?: (term: string, language: LanguageCode) => string;
}

// Swahili marks subject, tense, object and noun class with prefixes; the stem ends the word.
const swahiliLastSix = (term: string, language: LanguageCode) => (language === 'sw' && [...term].length > 6 ? [...term].slice(-6).join('') : lightStem(term, language));

const ROUTES: Route[] = [
  { name: 'nearest centroid (production)', classifier: nearestCentroid() },
  { name: 'multinomial NB, alpha 0.1', classifier: naiveBayes({ alpha: 0.1, scale: 3 }) },
  { name: 'complement NB, alpha 0.1', classifier: naiveBayes({ alpha: 0.1, scale: 1, complement: true }) },
  { name: 'EM naive Bayes, 5 rounds', classifier: naiveBayes({ alpha: 0.01, scale: 1, emRounds: 5 }) },
  { name: 'self-trained centroid, 0.3 x 2', classifier: selfTrainedCentroid({ weight: 0.3, rounds: 2 }) },
  { name: 'self-trained centroid, P>=0.5', classifier: selfTrainedCentroid({ weight: 1, rounds: 1, minConfidence: 0.5 }) },
  { name: 'centroid, concentration^0.5', classifier: concentratedCentroid(0.5) },
  { name: 'kNN vote, k 20', classifier: nearestNeighbours(20) },
  { name: 'logistic regression, L2', classifier: logisticRegression({ l2: 1e-4, epochs: 150, rate: 1, scale: 20 }) },
  { name: 'centroid, sameTopic 5', classifier: nearestCentroid(), weights: { ...RELATED_WEIGHTS, sameTopic: 5 } },
  { name: 'centroid, sw last 6 letters', classifier: nearestCentroid(), stem: swahiliLastSix },
];

const profiles = new Map<string, RelatedInput[]>();
function inputsOf(articles: readonly CorpusArticle[], language: LanguageCode, route: Route): RelatedInput[] {
  const key = `${language} ${route.stem ? route.name : ''}`;
  if (!profiles.has(key)) profiles.set(key, corpusInputs(articles, language, undefined, route.stem));
  return profiles.get(key)!;
}

/** Mean share of non-archive articles whose likeliest topic is their category, over the given archive choices. */
function accuracy(articles: readonly CorpusArticle[], language: LanguageCode, route: Route, archives: ReadonlyArray<ReadonlySet<number>>): number {
  const inputs = inputsOf(articles, language, route);
  const ids = new Map([...new Set(articles.map((article) => article.category))].sort().map((name, index) => [name, index + 1]));
  let total = 0;
  for (const archive of archives) {
    const examples = inputs.filter((_, index) => archive.has(index)).map((input) => ({ topic: ids.get(articles[input.id - 1].category)!, profile: input.profile }));
    const rest = inputs.map((_, index) => index).filter((index) => !archive.has(index));
    const model = route.classifier(examples, rest.map((index) => inputs[index].profile));
    const right = rest.filter((index) => {
      if (!model) return false;
      const p = model.distribution(inputs[index].profile);
      return model.topics[p.indexOf(Math.max(...p))] === ids.get(articles[index].category);
    }).length;
    total += right / rest.length;
  }
  return total / archives.length;
}

function randomHalves(count: number): Set<number>[] {
  return Array.from({ length: RANDOM_HALVES }, (_, seed) => {
    const next = seededRandom(seed + 1);
    const order = Array.from({ length: count }, (_, index) => ({ index, key: next() })).sort((a, b) => a.key - b.key);
    return new Set(order.slice(0, Math.ceil(count / 2)).map(({ index }) => index));
  });
}

function tenFolds(count: number): Set<number>[] {
  return Array.from({ length: 10 }, (_, fold) => new Set(Array.from({ length: count }, (_, index) => index).filter((index) => index % 10 !== fold)));
}

function main(corpusDirectory: string): void {
  const started = Date.now();
  const corpora = new Map(SUPPORTED_LANGUAGES.map((language) => [language, loadCorpus(corpusDirectory, language)]));
  console.log('archive p@5 / suggestion accuracy on the two halves / accuracy over 10 random halves');
  console.log(['route'.padEnd(32), ...SUPPORTED_LANGUAGES.map((language) => language.padEnd(19))].join(' '));
  for (const route of ROUTES) {
    const cells = SUPPORTED_LANGUAGES.map((language) => {
      const articles = corpora.get(language)!;
      const both = archiveScoresBothWays(articles, language, { weights: route.weights ?? RELATED_WEIGHTS, model: TOPIC_MODEL, stem: route.stem, classifier: route.classifier });
      return `${both.habari.toFixed(3)}/${both.suggestion.toFixed(3)}/${accuracy(articles, language, route, randomHalves(articles.length)).toFixed(3)}`;
    });
    console.log([route.name.padEnd(32), ...cells.map((cell) => cell.padEnd(19))].join(' '));
  }
  const folds = SUPPORTED_LANGUAGES.map((language) => {
    const articles = corpora.get(language)!;
    return `${language} ${accuracy(articles, language, ROUTES[0], tenFolds(articles.length)).toFixed(3)}`;
  });
  console.log(`\nproduction model, 9/10 categorized (10-fold): ${folds.join('  ')}`);
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main(resolve(process.argv[2] ?? 'corpus'));
