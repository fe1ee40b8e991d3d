import { oneHotTopics, topicAgreement } from './topics.similarity';

const labels = [
  { id: 1, name: 'Siasa' },
  { id: 2, name: 'Michezo' },
  { id: 3, name: 'Afya' },
];

describe('topicAgreement', () => {
  it.each([
    ['the same certain topic', [0, 1, 0], [0, 1, 0], 1, 'Michezo'],
    ['different certain topics', [1, 0, 0], [0, 1, 0], 0, null],
    ['a guess against a category', [0.2, 0.7, 0.1], [0, 1, 0], 0.7, 'Michezo'],
    ['two guesses', [0.5, 0.5, 0], [0.5, 0, 0.5], 0.25, 'Siasa'],
    ['an equal split: the lower id is named', [0.5, 0.5, 0], [0.5, 0.5, 0], 0.5, 'Siasa'],
  ])('%s', (_, a, b, similarity, topic) => {
    const result = topicAgreement({ topics: labels, probabilities: a }, { topics: labels, probabilities: b });
    expect(result.similarity).toBeCloseTo(similarity, 10);
    expect(result.topic?.name ?? null).toBe(topic);
  });

  it('matches topics by id when two models list them differently', () => {
    const other = [labels[2], labels[0]];
    const result = topicAgreement({ topics: labels, probabilities: [0.1, 0, 0.9] }, { topics: other, probabilities: [1, 0] });
    expect(result.similarity).toBeCloseTo(0.9, 10);
    expect(result.topic?.name).toBe('Afya');
  });
});

describe('oneHotTopics', () => {
  it('puts everything on the category', () => {
    expect(oneHotTopics(labels, 3)?.probabilities).toEqual([0, 0, 1]);
  });
  it('is null for a category the model does not know', () => {
    expect(oneHotTopics(labels, 99)).toBeNull();
  });
});
