import type { LanguageCode } from '../languages/language.catalogue';
import type { ArticleTopics } from '../topics/topics.types';

/** One distinctive term of an article and its weight in the L2-normalised profile. */
export interface TermWeight {
  term: string;
  weight: number;
}

/** What the ranking needs to know about an article; the service loads it. */
export interface RelatedInput {
  id: number;
  language: LanguageCode;
  categoryId: number | null;
  sourceId: number | null;
  tags: readonly string[];
  publishedAt: Date | null;
  profile: readonly TermWeight[];
  /** Hash of the normalised body; equal hashes are the same story. */
  contentHash?: string;
  title: string;
  /** Topic distribution (src/topics): its category for a categorized article, the model's guess otherwise; absent without a model. */
  topics?: ArticleTopics | null;
}

/** The related ranking's topic input (src/topics): null when the language has no topic model. */
export type TopicsOf = (input: Pick<RelatedInput, 'language' | 'categoryId' | 'profile'>) => ArticleTopics | null;

export type RelatedSignal = 'SHARED_TERMS' | 'SAME_CATEGORY' | 'SAME_TOPIC' | 'SHARED_TAGS' | 'SAME_SOURCE' | 'CLOSE_IN_TIME';

export interface RelatedReason {
  signal: RelatedSignal;
  /** This signal's contribution to the score. */
  weight: number;
  /** SHARED_TERMS: the shared distinctive terms, strongest first, at most 5. */
  terms?: string[];
  /** SHARED_TAGS: the shared tags as the target spells them. */
  tags?: string[];
  /** SAME_TOPIC: the topic (category name) both are most likely about. */
  topic?: string;
}

export interface RelatedResult {
  id: number;
  score: number;
  reasons: RelatedReason[];
}
