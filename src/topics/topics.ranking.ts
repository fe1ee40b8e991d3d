import type { TopicsOf } from '../related/related.types';
import { topicDistribution, type TopicModel } from './topics.model';
import { oneHotTopics } from './topics.similarity';
import type { TopicLabel } from './topics.types';

/** A language's topic model as the related ranking uses it: plain data, so a ranking worker thread can be given it. */
export interface RankingTopicModel {
  model: TopicModel;
  labels: TopicLabel[];
}

/** The related ranking's topic input from loaded models: a categorized article is on its category, others get the model's distribution. */
export function topicsFromModels(models: ReadonlyMap<string, RankingTopicModel>): TopicsOf {
  return (input) => {
    const loaded = models.get(input.language);
    if (!loaded) return null;
    if (input.categoryId != null) return oneHotTopics(loaded.labels, input.categoryId);
    return { topics: loaded.labels, probabilities: topicDistribution(loaded.model, input.profile) };
  };
}
