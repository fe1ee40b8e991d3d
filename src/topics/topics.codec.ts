import type { TopicModel } from './topics.model';
import type { TopicLabel } from './topics.types';

interface ModelJson {
  topics: TopicLabel[];
  sharpness: number;
  examples: number;
  /** [term, weight per topic] in topic order; weights rounded to 6 significant digits. */
  centroids: Array<[string, number[]]>;
}

/** A trained model and its topics' names as stored in topic_models.model. */
export function encodeTopicModel(model: TopicModel, labels: readonly TopicLabel[]): string {
  const json: ModelJson = {
    topics: [...labels],
    sharpness: model.sharpness,
    examples: model.examples,
    centroids: [...model.centroids].map(([term, row]) => [term, row.map((weight) => Number(weight.toPrecision(6)))]),
  };
  return JSON.stringify(json);
}

export function decodeTopicModel(text: string): { model: TopicModel; labels: TopicLabel[] } {
  const json = JSON.parse(text) as ModelJson;
  return {
    model: { topics: json.topics.map((topic) => topic.id), centroids: new Map(json.centroids), examples: json.examples, sharpness: json.sharpness },
    labels: json.topics,
  };
}
