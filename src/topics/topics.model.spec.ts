import { compareTerms } from '../related/related.profile';
import { TOPIC_MODEL, topicDistribution, trainTopicModel, type TopicExample } from './topics.model';

const profile = (...terms: string[]) => terms.map((term) => ({ term, weight: 1 / Math.sqrt(terms.length) }));
const sports = (extra: string): TopicExample => ({ topic: 7, profile: profile('goal', 'match', extra) });
const health = (extra: string): TopicExample => ({ topic: 3, profile: profile('virus', 'hospital', extra) });
const settings = { ...TOPIC_MODEL, minExamples: 2 };

describe('trainTopicModel', () => {
  it.each([
    ['no examples', [] as TopicExample[]],
    ['one topic only', [sports('a'), sports('b')]],
    ['topics below minExamples', [sports('a'), health('b')]],
  ])('gives no model for %s', (_, examples) => {
    expect(trainTopicModel(examples, settings)).toBeNull();
  });

  it('learns topics in id order, skipping ones with too few examples', () => {
    const model = trainTopicModel([sports('a'), health('b'), sports('c'), health('d'), { topic: 9, profile: profile('vote') }], settings)!;
    expect(model.topics).toEqual([3, 7]);
    expect(model.examples).toBe(4);
    expect(model.centroids.has('vote')).toBe(false);
  });

  it('keeps at most maxTermsPerTopic terms per centroid, the heaviest', () => {
    const model = trainTopicModel([sports('a'), sports('b'), health('c'), health('d')], { ...settings, maxTermsPerTopic: 2 })!;
    expect([...model.centroids.keys()].sort()).toEqual(['goal', 'hospital', 'match', 'virus']);
  });

  it('equals the all-topics-at-once centroids it replaced, to the last bit, on a random archive', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const vocabulary = Array.from({ length: 300 }, (_, i) => `w${i}`);
    const examples: TopicExample[] = Array.from({ length: 400 }, () => {
      const terms = [...new Set(Array.from({ length: 5 + Math.floor(random() * 30) }, () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)]))];
      return { topic: 1 + Math.floor(random() * 6), profile: terms.map((term) => ({ term, weight: random() })) };
    });
    const tight = { ...settings, minExamples: 60, maxTermsPerTopic: 40 };
    expect(trainTopicModel(examples, tight)).toEqual(allTopicsAtOnce(examples, tight));
  });

  it('does not depend on the order of the examples', () => {
    const examples = [sports('a'), health('b'), sports('c'), health('d')];
    const a = trainTopicModel(examples, settings)!;
    const b = trainTopicModel([...examples].reverse(), settings)!;
    expect([...b.centroids]).toEqual([...a.centroids]);
  });
});

describe('topicDistribution', () => {
  const model = trainTopicModel([sports('a'), sports('b'), health('c'), health('d')], settings)!;

  it.each([
    ['a sports article', profile('goal', 'match'), 7],
    ['a health article', profile('virus', 'hospital', 'new'), 3],
  ])('puts most of %s on its topic', (_, articleProfile, topic) => {
    const distribution = topicDistribution(model, articleProfile);
    expect(distribution.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 10);
    expect(distribution[model.topics.indexOf(topic)]).toBeGreaterThan(0.9);
  });

  it.each([
    ['an empty profile', []],
    ['only unknown words', profile('zzz', 'yyy')],
  ])('is uniform for %s', (_, articleProfile) => {
    expect(topicDistribution(model, articleProfile)).toEqual([0.5, 0.5]);
  });

  it('is less confident when sharpness is lower', () => {
    const soft = trainTopicModel([sports('a'), sports('b'), health('c'), health('d')], { ...settings, sharpness: 1 })!;
    const article = profile('goal', 'match');
    expect(topicDistribution(soft, article)[1]).toBeLessThan(topicDistribution(model, article)[1]);
    expect(topicDistribution(soft, article)[1]).toBeGreaterThan(0.5);
  });
});

/** The training as first written: a row of per-topic mass for every term of every topic, all at once. */
function allTopicsAtOnce(examples: readonly TopicExample[], options: typeof settings) {
  const counts = new Map<number, number>();
  for (const { topic } of examples) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  const topics = [...counts].filter(([, n]) => n >= options.minExamples).map(([topic]) => topic).sort((a, b) => a - b);
  const slot = new Map(topics.map((topic, index) => [topic, index]));
  const mass = new Map<string, Float64Array>();
  let used = 0;
  for (const { topic, profile } of [...examples].sort((a, b) => a.topic - b.topic)) {
    const index = slot.get(topic);
    if (index === undefined) continue;
    used += 1;
    for (const { term, weight } of profile) {
      let row = mass.get(term);
      if (!row) mass.set(term, (row = new Float64Array(topics.length)));
      row[index] += weight;
    }
  }
  const terms = [...mass.keys()].sort(compareTerms);
  const centroids = new Map<string, number[]>();
  topics.forEach((_, index) => {
    const kept = terms
      .filter((term) => mass.get(term)![index] > 0)
      .sort((a, b) => mass.get(b)![index] - mass.get(a)![index] || compareTerms(a, b))
      .slice(0, options.maxTermsPerTopic);
    const norm = Math.sqrt(kept.reduce((total, term) => total + mass.get(term)![index] ** 2, 0)) || 1;
    for (const term of kept) {
      let row = centroids.get(term);
      if (!row) centroids.set(term, (row = topics.map(() => 0)));
      row[index] = mass.get(term)![index] / norm;
    }
  });
  return { topics, centroids: new Map([...centroids].sort((a, b) => compareTerms(a[0], b[0]))), examples: used, sharpness: options.sharpness };
}
