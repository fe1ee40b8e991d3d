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
