import type { ArticleTopics, TopicLabel } from './topics.types';

export interface TopicAgreement {
  /** Σ over topics of P_a(topic) × P_b(topic): the chance both are on the same topic (0..1). */
  similarity: number;
  /** The topic contributing most to it; null when they share none. */
  topic: TopicLabel | null;
}

/** How likely two articles are on the same topic; topics are matched by id. Deterministic: ties go to the lower id. */
export function topicAgreement(a: ArticleTopics, b: ArticleTopics): TopicAgreement {
  const theirs = a.topics === b.topics ? null : new Map(b.topics.map((topic, index) => [topic.id, b.probabilities[index]]));
  let similarity = 0;
  let best: TopicLabel | null = null;
  let bestShare = 0;
  a.topics.forEach((topic, index) => {
    const other = theirs ? (theirs.get(topic.id) ?? 0) : b.probabilities[index];
    const share = a.probabilities[index] * other;
    similarity += share;
    if (share > bestShare || (share === bestShare && share > 0 && best !== null && topic.id < best.id)) {
      bestShare = share;
      best = topic;
    }
  });
  return { similarity, topic: best };
}

/** A categorized article's distribution: all on its category, when the model knows it. */
export function oneHotTopics(topics: readonly TopicLabel[], categoryId: number): ArticleTopics | null {
  const index = topics.findIndex((topic) => topic.id === categoryId);
  if (index < 0) return null;
  return { topics, probabilities: topics.map((_, i) => (i === index ? 1 : 0)) };
}
