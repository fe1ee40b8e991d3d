/**
 * Every number that decides relatedness, in one place, so tuning is one diff
 * and the quality bench (bench/quality) measures exactly what production runs.
 * Re-run it after any change here: npm run build && node dist/bench/quality/quality.js
 */

export interface RelatedWeights {
  /** Multiplies the similarity of the candidate to the (expanded) target profile (0..1). */
  sharedTerms: number;
  /** How many of the closest candidates widen the target profile (pseudo-relevance feedback). */
  feedbackArticles: number;
  /** Their mean profile's weight next to the target's own (1). 0 turns feedback off. */
  feedbackWeight: number;
  /** Added when both articles have the same category. */
  sameCategory: number;
  /** Multiplies the chance both articles are on the same topic, Σ_c P_a(c)·P_b(c) (0..1; see src/topics). */
  sameTopic: number;
  /** Topic agreement below this is not reported (nor scored). */
  sameTopicFloor: number;
  /** Multiplies the tag overlap |A∩B| / sqrt(|A|·|B|) (0..1). */
  sharedTags: number;
  /** Added when both come from the same source. A tie-breaker, never a reason on its own. */
  sameSource: number;
  /** Multiplies 0.5^(days apart / timeHalfLifeDays). A tie-breaker, never a reason on its own. */
  closeInTime: number;
  timeHalfLifeDays: number;
  /** Closeness below this share of closeInTime is not reported (weeks apart is not "close"). */
  closeInTimeFloor: number;
  /** Profiles at least this similar are the same story (syndicated copies, light edits). In (0, 1]. */
  nearDuplicateCosine: number;
}

export const RELATED_WEIGHTS: Readonly<RelatedWeights> = Object.freeze({
  sharedTerms: 1,
  // 10 neighbours at weight 2 raised precision@5 by about 0.02 in every
  // language on the bench; 5 changed nothing (they are the top 5 already).
  feedbackArticles: 10,
  feedbackWeight: 2,
  // Editorial signals are worth a fraction of a strong term match: a shared
  // category alone should not beat an article about the same people and places.
  sameCategory: 0.15,
  // On the two-halves bench (bench/quality, half the articles categorized) topic
  // agreement had to outweigh wording to help: new articles' precision@5 went
  // from sw 0.650 / en 0.753 (0) to 0.700 / 0.840 (1) and 0.710 / 0.854 (3),
  // the same way in all six languages (model sharpness 40).
  sameTopic: 3,
  sameTopicFloor: 0.1,
  sharedTags: 0.2,
  sameSource: 0.02,
  closeInTime: 0.1,
  timeHalfLifeDays: 7,
  closeInTimeFloor: 0.1,
  nearDuplicateCosine: 0.9,
});

export interface TermProfileSettings {
  /** How many distinctive terms a profile keeps (K). */
  size: number;
  /** Title words count this many times: the headline states the topic. */
  titleRepeat: number;
  /** Terms in more than this share of the language's articles are left out. */
  maxDocumentShare: number;
  /** maxDocumentShare only applies once the language has this many articles. */
  minDocumentsForShareCut: number;
  /**
   * Terms in fewer articles (this one included) are left out. 2 would drop words
   * no other article has yet, which scores a little better on a fixed corpus
   * (about +0.015 precision@5), but the first story on a new name would then
   * never list that name, and its follow-ups could not find it through it.
   */
  minDocumentFrequency: number;
}

export const TERM_PROFILE: Readonly<TermProfileSettings> = Object.freeze({
  // At 30 terms the ranking fell below the plain TF-IDF baseline in every
  // language: the rarest words fill the profile and topic words drop out.
  size: 100,
  titleRepeat: 2,
  maxDocumentShare: 0.5,
  minDocumentsForShareCut: 20,
  minDocumentFrequency: 1,
});

/** Candidate search reads the postings of an article's SEARCH_TERMS heaviest terms, none in more than POSTINGS_DF_CAP articles. */
export const POSTINGS_DF_CAP = 1000;
export const SEARCH_TERMS = 30;
