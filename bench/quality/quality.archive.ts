import type { LanguageCode } from '../../src/languages/language.catalogue';
import type { RelatedInput } from '../../src/related/related.types';
import { RELATED_WEIGHTS, type RelatedWeights } from '../../src/related/related.weights';
import { TOPIC_MODEL, type TopicModelSettings } from '../../src/topics/topics.model';
import { oneHotTopics } from '../../src/topics/topics.similarity';
import type { TopicLabel } from '../../src/topics/topics.types';
import { nearestCentroid, type TopicClassifier } from './quality.classifiers';
import type { CorpusArticle } from './quality.corpus';
import { corpusInputs, RELATED_SHOWN, rankedNeighbours } from './quality.measures';
import { tfidfNeighbours } from './quality.tfidf';

export interface ArchiveScores {
  /** Precision@5 of the new (uncategorized) articles' related lists. */
  habari: number;
  /** The plain TF-IDF cosine's precision@5 for the same articles among the same corpus. */
  tfidf: number;
  /** Share of new articles whose first suggested category is theirs. */
  suggestion: number;
}

export interface ArchiveTuning {
  weights: RelatedWeights;
  model: TopicModelSettings;
  /** Another stemmer than text.stem.ts's lightStem, to compare. */
  stem?: (term: string, language: LanguageCode) => string;
  /** Another classifier than the production model (`model` is then unused), to compare (quality.topic-routes.ts). */
  classifier?: TopicClassifier;
}

/**
 * The archive setting: articles at even positions (half 0) or odd ones
 * (half 1) are the categorized archive, the rest arrive without a category.
 * The topic model learns from the archive's categories only (a classifier
 * given in `tuning` may also read the new articles' profiles, as a newsroom's
 * database holds them); scores are for the new articles, ranked among all
 * others, as after `habari reindex`.
 */
export function archiveScores(articles: readonly CorpusArticle[], language: LanguageCode, half: 0 | 1, tuning: ArchiveTuning = { weights: RELATED_WEIGHTS, model: TOPIC_MODEL }): ArchiveScores {
  const categoryIds = new Map([...new Set(articles.map((article) => article.category))].sort().map((name, index) => [name, index + 1]));
  const isArchive = (index: number) => index % 2 === half;
  const plain = corpusInputs(articles, language, undefined, tuning.stem);
  const archive = plain.filter((_, index) => isArchive(index)).map((input) => ({ topic: categoryIds.get(articles[input.id - 1].category)!, profile: input.profile }));
  const classify = tuning.classifier ?? nearestCentroid(tuning.model);
  const model = classify(archive, plain.filter((_, index) => !isArchive(index)).map((input) => input.profile));
  const names = new Map([...categoryIds].map(([name, id]) => [id, name]));
  const labels: TopicLabel[] = model ? model.topics.map((id) => ({ id, name: names.get(id)! })) : [];

  const inputs: RelatedInput[] = plain.map((input, index) => {
    if (isArchive(index)) {
      const categoryId = categoryIds.get(articles[index].category)!;
      return { ...input, categoryId, topics: model ? oneHotTopics(labels, categoryId) : null };
    }
    return { ...input, topics: model ? { topics: labels, probabilities: model.distribution(input.profile) } : null };
  });
  const targets = inputs.map((_, index) => index).filter((index) => !isArchive(index));

  let right = 0;
  let suggestedRight = 0;
  for (const index of targets) {
    const own = articles[index].category;
    right += rankedNeighbours(inputs[index], inputs, tuning.weights).filter((other) => articles[other].category === own).length;
    const topics = inputs[index].topics;
    if (topics) {
      const best = topics.probabilities.indexOf(Math.max(...topics.probabilities));
      if (topics.topics[best].name === own) suggestedRight += 1;
    }
  }
  let tfidfRight = 0;
  tfidfNeighbours(articles, language, targets, RELATED_SHOWN).forEach((list, i) => {
    tfidfRight += list.filter((other) => articles[other].category === articles[targets[i]].category).length;
  });
  return {
    habari: right / (RELATED_SHOWN * targets.length),
    tfidf: tfidfRight / (RELATED_SHOWN * targets.length),
    suggestion: suggestedRight / targets.length,
  };
}

/** Both ways round, averaged: each half is once the archive and once the new articles. */
export function archiveScoresBothWays(articles: readonly CorpusArticle[], language: LanguageCode, tuning?: ArchiveTuning): ArchiveScores {
  const [a, b] = [archiveScores(articles, language, 0, tuning), archiveScores(articles, language, 1, tuning)];
  return { habari: (a.habari + b.habari) / 2, tfidf: (a.tfidf + b.tfidf) / 2, suggestion: (a.suggestion + b.suggestion) / 2 };
}
