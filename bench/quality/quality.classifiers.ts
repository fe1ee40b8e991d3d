/**
 * Topic classifiers tried against the production nearest-centroid model
 * (src/topics/topics.model.ts) for issue 13, on the same stored profiles.
 * Bench code only: none classified better in every language (README,
 * bench/quality; quality.topic-routes.ts prints the figures). Each learns from the archive's
 * examples and may read the new articles' profiles, never their categories.
 */
import type { TermWeight } from '../../src/related/related.types';
import { TOPIC_MODEL, topicDistribution, trainTopicModel, type TopicExample, type TopicModelSettings } from '../../src/topics/topics.model';

type Profile = readonly TermWeight[];

export interface TrainedClassifier {
  /** Category ids, ascending; distributions follow this order. */
  topics: number[];
  distribution(profile: Profile): number[];
}

export type TopicClassifier = (archive: readonly TopicExample[], unlabelled: readonly Profile[]) => TrainedClassifier | null;

/** Production: nearest centroid, softmax(sharpness × cosine). */
export function nearestCentroid(settings: TopicModelSettings = TOPIC_MODEL): TopicClassifier {
  return (archive) => {
    const model = trainTopicModel(archive, settings);
    return model && { topics: model.topics, distribution: (profile) => topicDistribution(model, profile) };
  };
}

/**
 * Multinomial naive Bayes on profile weights × scale as counts, Laplace
 * smoothing alpha, class priors. complement: Rennie et al.'s complement NB.
 * emRounds > 0: EM on the unlabelled profiles (Nigam et al.), each counted
 * with unlabelledWeight × its current P(c).
 */
export function naiveBayes(options: { alpha: number; scale: number; complement?: boolean; emRounds?: number; unlabelledWeight?: number }): TopicClassifier {
  return (archive, unlabelled) => {
    const labelled = labelledRows(archive);
    if (!labelled) return null;
    const { topics, rows } = labelled;
    const vocabulary = new Set([...archive, ...unlabelled.map((profile) => ({ profile }))].flatMap(({ profile }) => profile.map(({ term }) => term))).size;
    const fit = (weighted: ReadonlyArray<{ share: readonly number[]; profile: Profile }>) => {
      const counts = new Map<string, Float64Array>();
      const totals = new Float64Array(topics.length);
      const priors = new Float64Array(topics.length).fill(1);
      for (const { share, profile } of weighted) {
        for (let k = 0; k < topics.length; k++) priors[k] += share[k];
        for (const { term, weight } of profile) {
          const row = rowOf(counts, term, topics.length);
          for (let k = 0; k < topics.length; k++) {
            row[k] += share[k] * weight * options.scale;
            totals[k] += share[k] * weight * options.scale;
          }
        }
      }
      const all = totals.reduce((sum, value) => sum + value, 0);
      const priorSum = priors.reduce((sum, value) => sum + value, 0);
      return (profile: Profile) => {
        const scores = topics.map((_, k) => Math.log(priors[k] / priorSum));
        for (const { term, weight } of profile) {
          const row = counts.get(term);
          const termTotal = row ? row.reduce((sum, value) => sum + value, 0) : 0;
          for (let k = 0; k < topics.length; k++) {
            const own = row ? row[k] : 0;
            scores[k] += options.complement
              ? -weight * options.scale * Math.log((termTotal - own + options.alpha) / (all - totals[k] + options.alpha * vocabulary))
              : weight * options.scale * Math.log((own + options.alpha) / (totals[k] + options.alpha * vocabulary));
          }
        }
        return softmax(scores);
      };
    };
    let distribution = fit(rows);
    for (let round = 0; round < (options.emRounds ?? 0); round++) {
      const guessed = unlabelled.map((profile) => ({ share: distribution(profile).map((p) => p * (options.unlabelledWeight ?? 1)), profile }));
      distribution = fit([...rows, ...guessed]);
    }
    return { topics, distribution };
  };
}

/**
 * Nearest centroid, self-trained: each round the unlabelled profiles join
 * every centroid with weight × their current P(c) (soft labels), skipped below
 * minConfidence for their likeliest topic.
 */
export function selfTrainedCentroid(options: { weight: number; rounds: number; minConfidence?: number }): TopicClassifier {
  return (archive, unlabelled) => {
    const labelled = labelledRows(archive);
    if (!labelled) return null;
    let distribution = centroidScorer(labelled.topics.length, labelled.rows);
    for (let round = 0; round < options.rounds; round++) {
      const guessed = unlabelled.flatMap((profile) => {
        const p = distribution(profile);
        return Math.max(...p) < (options.minConfidence ?? 0) ? [] : [{ share: p.map((value) => value * options.weight), profile }];
      });
      distribution = centroidScorer(labelled.topics.length, [...labelled.rows, ...guessed]);
    }
    return { topics: labelled.topics, distribution };
  };
}

/**
 * Nearest centroid with supervised term weighting: each term's centroid
 * weights × (1 − H/ln K)^gamma, H the entropy of its per-topic mean weight, so
 * words spread over all topics count less.
 */
export function concentratedCentroid(gamma: number): TopicClassifier {
  return (archive) => {
    const labelled = labelledRows(archive);
    if (!labelled) return null;
    const sizes = labelled.topics.map((_, k) => labelled.rows.filter(({ share }) => share[k] === 1).length);
    const concentration = (row: Float64Array) => {
      const means = Array.from(row, (value, k) => value / sizes[k]);
      const sum = means.reduce((total, value) => total + value, 0);
      const entropy = means.reduce((total, value) => (value > 0 ? total - (value / sum) * Math.log(value / sum) : total), 0);
      return Math.pow(Math.max(0, 1 - entropy / Math.log(means.length)), gamma);
    };
    return { topics: labelled.topics, distribution: centroidScorer(labelled.topics.length, labelled.rows, concentration) };
  };
}

/** Votes of the k most similar archive articles, each by its cosine. */
export function nearestNeighbours(k: number): TopicClassifier {
  return (archive) => {
    const labelled = labelledRows(archive);
    if (!labelled) return null;
    const examples = labelled.rows.map(({ share, profile }) => ({ share, weights: new Map(profile.map(({ term, weight }) => [term, weight])) }));
    return {
      topics: labelled.topics,
      distribution(profile) {
        const votes = labelled.topics.map(() => 1e-9);
        const nearest = examples
          .map(({ share, weights }) => ({ share, cosine: profile.reduce((sum, { term, weight }) => sum + weight * (weights.get(term) ?? 0), 0) }))
          .sort((a, b) => b.cosine - a.cosine)
          .slice(0, k);
        for (const { share, cosine } of nearest) share.forEach((value, index) => (votes[index] += value * cosine));
        const total = votes.reduce((sum, value) => sum + value, 0);
        return votes.map((value) => value / total);
      },
    };
  };
}

/** Softmax regression, L2-regularised, full-batch gradient descent on profile weights × scale. */
export function logisticRegression(options: { l2: number; epochs: number; rate: number; scale: number }): TopicClassifier {
  return (archive) => {
    const labelled = labelledRows(archive);
    if (!labelled) return null;
    const K = labelled.topics.length;
    const weights = new Map<string, Float64Array>();
    const bias = new Float64Array(K);
    const distribution = (profile: Profile) => {
      const scores = Array.from(bias);
      for (const { term, weight } of profile) {
        const row = weights.get(term);
        if (row) for (let k = 0; k < K; k++) scores[k] += weight * options.scale * row[k];
      }
      return softmax(scores);
    };
    for (const { profile } of labelled.rows) for (const { term } of profile) rowOf(weights, term, K);
    const n = labelled.rows.length;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      const gradient = new Map<string, Float64Array>();
      const biasGradient = new Float64Array(K);
      for (const { share, profile } of labelled.rows) {
        const error = distribution(profile).map((p, k) => (p - share[k]) / n);
        error.forEach((value, k) => (biasGradient[k] += value));
        for (const { term, weight } of profile) {
          const row = rowOf(gradient, term, K);
          for (let k = 0; k < K; k++) row[k] += error[k] * weight * options.scale;
        }
      }
      for (const [term, row] of weights) {
        const g = gradient.get(term);
        for (let k = 0; k < K; k++) row[k] -= options.rate * ((g ? g[k] : 0) + options.l2 * row[k]);
      }
      for (let k = 0; k < K; k++) bias[k] -= options.rate * biasGradient[k];
    }
    return { topics: labelled.topics, distribution };
  };
}

interface Row {
  /** Per topic: 1 for the article's own, 0 otherwise (or a soft label). */
  share: readonly number[];
  profile: Profile;
}

/** The archive's examples of topics with enough of them, as one-hot rows; null when too few topics (as the production model). */
function labelledRows(archive: readonly TopicExample[]): { topics: number[]; rows: Row[] } | null {
  const counts = new Map<number, number>();
  for (const { topic } of archive) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  const topics = [...counts].filter(([, n]) => n >= TOPIC_MODEL.minExamples).map(([topic]) => topic).sort((a, b) => a - b);
  if (topics.length < TOPIC_MODEL.minTopics) return null;
  const rows = archive.flatMap(({ topic, profile }) => (topics.includes(topic) ? [{ share: topics.map((t) => (t === topic ? 1 : 0)), profile }] : []));
  return { topics, rows };
}

/** Softmax(sharpness × cosine to each normalised centroid) of (soft-)labelled rows; termFactor reweights a term's centroid row. */
function centroidScorer(K: number, rows: readonly Row[], termFactor?: (row: Float64Array) => number): (profile: Profile) => number[] {
  const mass = new Map<string, Float64Array>();
  for (const { share, profile } of rows) {
    for (const { term, weight } of profile) {
      const row = rowOf(mass, term, K);
      for (let k = 0; k < K; k++) row[k] += share[k] * weight;
    }
  }
  if (termFactor) {
    for (const row of mass.values()) {
      const factor = termFactor(row);
      for (let k = 0; k < K; k++) row[k] *= factor;
    }
  }
  const norms = new Float64Array(K);
  for (const row of mass.values()) for (let k = 0; k < K; k++) norms[k] += row[k] ** 2;
  return (profile) => {
    const scores = new Array<number>(K).fill(0);
    for (const { term, weight } of profile) {
      const row = mass.get(term);
      if (row) for (let k = 0; k < K; k++) scores[k] += (weight * row[k]) / (Math.sqrt(norms[k]) || 1);
    }
    return softmax(scores.map((score) => score * TOPIC_MODEL.sharpness));
  };
}

function rowOf(rows: Map<string, Float64Array>, term: string, size: number): Float64Array {
  let row = rows.get(term);
  if (!row) rows.set(term, (row = new Float64Array(size)));
  return row;
}

function softmax(scores: readonly number[]): number[] {
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}
