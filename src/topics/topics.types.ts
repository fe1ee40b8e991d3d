/** A topic is a category of the language; its name is shown in SAME_TOPIC reasons. */
export interface TopicLabel {
  id: number;
  name: string;
}

/** An article's topic distribution: probabilities[i] belongs to topics[i]; they sum to 1. */
export interface ArticleTopics {
  /** Shared by every article the same model scored (compared by reference first). */
  topics: readonly TopicLabel[];
  probabilities: readonly number[];
}
