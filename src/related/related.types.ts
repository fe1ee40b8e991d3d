import type { LanguageCode } from '../languages/language.catalogue';

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
}

export type RelatedSignal = 'SHARED_TERMS' | 'SAME_CATEGORY' | 'SHARED_TAGS' | 'SAME_SOURCE' | 'CLOSE_IN_TIME';

export interface RelatedReason {
  signal: RelatedSignal;
  /** This signal's contribution to the score. */
  weight: number;
  /** SHARED_TERMS: the shared distinctive terms, strongest first, at most 5. */
  terms?: string[];
  /** SHARED_TAGS: the shared tags as the target spells them. */
  tags?: string[];
}

export interface RelatedResult {
  id: number;
  score: number;
  reasons: RelatedReason[];
}
