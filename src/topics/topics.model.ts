/**
 * A per-language topic model learned from the archive's categorized articles:
 * a linear model (nearest centroid, Rocchio) over the same L2-normalised term
 * profiles the related ranking uses (related.profile.ts), so training and
 * inference need no second pass over the text.
 *
 *   centroid(c)  = Σ profiles of the articles of topic c, its maxTermsPerTopic
 *                  heaviest terms kept, L2-normalised
 *   score(c, x)  = x · centroid(c)                      (a cosine, 0..1)
 *   P(c | x)     = softmax(sharpness × score(c, x))
 *
 * On the two-halves bench (bench/quality) it classified better than
 * multinomial naive Bayes on the same profiles in five languages of six
 * (fr 0.825 against 0.744-0.773, en 0.869 against 0.833-0.847) and has no
 * smoothing to tune. Topics are category ids; one with fewer than minExamples
 * articles is left out. Training is one pass over the profiles (about 100
 * terms each), one topic at a time, so 100,000 articles train in seconds
 * holding one topic's terms. Deterministic: topics
 * are sorted by id, equal weights by term.
 */
import { compareTerms } from '../related/related.profile';
import type { TermWeight } from '../related/related.types';

export interface TopicExample {
  topic: number;
  profile: readonly TermWeight[];
}

export interface TopicModelSettings {
  /** Topics with fewer labelled articles are not learned. */
  minExamples: number;
  /** A model needs at least this many topics to say anything. */
  minTopics: number;
  /** Each centroid keeps this many terms, so a model stays small at any archive size. */
  maxTermsPerTopic: number;
  /** Multiplies the cosines before the softmax: higher gives more confident distributions. */
  sharpness: number;
}

export const TOPIC_MODEL: Readonly<TopicModelSettings> = Object.freeze({
  minExamples: 5,
  minTopics: 2,
  maxTermsPerTopic: 5_000,
  // Cosines to centroids differ by a few hundredths; 40 makes a 0.05 lead about
  // 7 to 1. Bench (sameTopic 1): sharpness 10 gave sw 0.677 / en 0.793, 20 gave
  // 0.695 / 0.814, 40 gave 0.700 / 0.840, 80 no better.
  sharpness: 40,
});

export interface TopicModel {
  /** Category ids, ascending; distributions follow this order. */
  topics: number[];
  /** term -> its weight in each topic's normalised centroid (0 where the centroid lacks it). */
  centroids: Map<string, number[]>;
  /** How many labelled articles it learned from. */
  examples: number;
  sharpness: number;
}

/** null when the examples hold fewer than minTopics topics with minExamples articles each. */
export function trainTopicModel(examples: readonly TopicExample[], settings: TopicModelSettings = TOPIC_MODEL): TopicModel | null {
  const learnable = learnableGroups(examples, (example) => example.topic, settings);
  if (!learnable) return null;
  return assembleTopicModel(
    learnable.map(({ members }) => {
      const mass = new TopicMass();
      for (const { profile } of members) mass.add(profile);
      return mass;
    }),
    learnable.map(({ topic }) => topic),
    settings,
  );
}

/**
 * The topics a model learns, ascending, each with its items in their order:
 * those with minExamples items; null when fewer than minTopics qualify.
 */
export function learnableGroups<T>(
  items: Iterable<T>,
  topicOf: (item: T) => number,
  settings: TopicModelSettings = TOPIC_MODEL,
): Array<{ topic: number; members: T[] }> | null {
  const byTopic = new Map<number, T[]>();
  for (const item of items) {
    const topic = topicOf(item);
    let members = byTopic.get(topic);
    if (!members) byTopic.set(topic, (members = []));
    members.push(item);
  }
  const learnable = [...byTopic]
    .filter(([, members]) => members.length >= settings.minExamples)
    .sort(([a], [b]) => a - b)
    .map(([topic, members]) => ({ topic, members }));
  return learnable.length < Math.max(1, settings.minTopics) ? null : learnable;
}

/**
 * One topic's summed profiles. A topic's centroid depends on its own
 * examples only, so training holds one topic's terms at a time (the service
 * reads each topic's examples a page at a time): holding every example and a
 * row per term for every topic at once ran a 1,000,000-article archive's
 * reindex out of its 1 GB heap (50,000 examples, millions of distinct terms).
 */
export class TopicMass {
  private readonly mass = new Map<string, number>();
  examples = 0;

  add(profile: readonly TermWeight[]): void {
    this.examples += 1;
    for (const { term, weight } of profile) this.mass.set(term, (this.mass.get(term) ?? 0) + weight);
  }

  /** The maxTerms heaviest terms (equal weights by term), L2-normalised. */
  centroid(maxTerms: number): Array<[string, number]> {
    const kept = [...this.mass]
      .filter(([, weight]) => weight > 0)
      .sort((a, b) => b[1] - a[1] || compareTerms(a[0], b[0]))
      .slice(0, Math.max(1, maxTerms));
    const norm = Math.sqrt(kept.reduce((total, [, weight]) => total + weight ** 2, 0)) || 1;
    return kept.map(([term, weight]) => [term, weight / norm]);
  }
}

/** The model of `topics` (ascending) from each one's mass, in the same order. */
export function assembleTopicModel(masses: readonly TopicMass[], topics: readonly number[], settings: TopicModelSettings = TOPIC_MODEL): TopicModel {
  const centroids = new Map<string, number[]>();
  masses.forEach((mass, index) => {
    for (const [term, weight] of mass.centroid(settings.maxTermsPerTopic)) {
      let row = centroids.get(term);
      if (!row) centroids.set(term, (row = topics.map(() => 0)));
      row[index] = weight;
    }
  });
  const examples = masses.reduce((total, mass) => total + mass.examples, 0);
  return { topics: [...topics], centroids: new Map([...centroids].sort((a, b) => compareTerms(a[0], b[0]))), examples, sharpness: settings.sharpness };
}

/** P(topic | profile), in model.topics order; sums to 1. A profile sharing no term with the model is uniform. */
export function topicDistribution(model: TopicModel, profile: readonly TermWeight[]): number[] {
  const scores = model.topics.map(() => 0);
  for (const { term, weight } of profile) {
    const row = model.centroids.get(term);
    if (!row) continue;
    for (let i = 0; i < scores.length; i++) scores[i] += weight * row[i];
  }
  return softmax(scores.map((score) => score * model.sharpness));
}

function softmax(scores: readonly number[]): number[] {
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}
