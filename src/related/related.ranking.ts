/**
 * Related articles, as a pure function of the target and its candidates.
 *
 *   score = sharedTerms × (expanded_target · profile_candidate)   if they share a term
 *         + sameCategory                        if both have the same category
 *         + sameTopic × Σ_c P_T(c)·P_C(c)       topic distributions (src/topics),
 *                                               reported only while ≥ sameTopicFloor
 *         + sharedTags × |T ∩ C| / √(|T|·|C|)   tags compared normalised
 *         + sameSource                          if both have the same source
 *         + closeInTime × 0.5^(days apart / timeHalfLifeDays)
 *                                               reported only while ≥ closeInTimeFloor
 *
 * Profiles are L2-normalised (related.profile.ts). expanded_target is the
 * target's profile plus feedbackWeight × the mean profile of the feedbackArticles
 * candidates with the highest plain cosine, normalised again (related.feedback.ts):
 * it lifts articles on the same topic that share few words with a short target.
 *
 * A categorized article's topic distribution is its category; an uncategorized
 * one gets the language's topic model's guess, so new wire copy finds the
 * archive's articles on its topic. Where a model exists, topic agreement
 * outweighs term similarity (sameTopic 3 against sharedTerms 1): lists are
 * the candidates on the article's topic, ordered by their wording. Two
 * articles of one category get both SAME_CATEGORY and SAME_TOPIC. SAME_TOPIC
 * never lists a candidate alone.
 *
 * All numbers live in related.weights.ts. A candidate must share terms, tags or
 * the category: source and time only order articles that are related already.
 *
 * Left out: other languages, the target itself, and copies of the target
 * (isNearDuplicate: same contentHash, same normalised title, or profile cosine
 * ≥ nearDuplicateCosine). Copies among the candidates are folded into one story
 * represented by its earliest published member (undated last, then lowest id).
 *
 * Deterministic: the order of `candidates` does not matter; equal scores are
 * ordered by id.
 */
import { normalizeText } from '../text/text.normalize';
import { topicAgreement } from '../topics/topics.similarity';
import { isNearDuplicate, nearDuplicateGroups } from './related.duplicates';
import { expandProfile, similarityTo } from './related.feedback';
import { packedProfiles } from './related.packed';
import { overlapCosine, profileCosine, profileOverlap, type CosineOf } from './related.similarity';
import type { RelatedInput, RelatedReason, RelatedResult, RelatedSignal } from './related.types';
import { RELATED_WEIGHTS, type RelatedWeights } from './related.weights';

const MAX_REASON_TERMS = 5;
const DAY_MS = 86_400_000;
const SIGNAL_ORDER: readonly RelatedSignal[] = ['SHARED_TERMS', 'SAME_CATEGORY', 'SAME_TOPIC', 'SHARED_TAGS', 'SAME_SOURCE', 'CLOSE_IN_TIME'];
const CONTENT_SIGNALS: ReadonlySet<RelatedSignal> = new Set(['SHARED_TERMS', 'SAME_CATEGORY', 'SHARED_TAGS']);

export function rankRelated(
  target: RelatedInput,
  candidates: readonly RelatedInput[],
  first: number,
  weights: RelatedWeights = RELATED_WEIGHTS,
  /** How profile cosines are computed: the indexer passes a per-batch memo (rememberedCosine); same numbers. */
  cosineOf: CosineOf = profileCosine,
): RelatedResult[] {
  const limit = Math.max(0, Math.floor(first));
  if (limit === 0) return [];
  // Every profile interned up front: term ids cannot start over (a new generation) halfway through the ranking.
  packedProfiles([target.profile, ...candidates.map((candidate) => candidate.profile)]);

  const pool = uniqueById(candidates).filter(
    (candidate) =>
      candidate.id !== target.id &&
      candidate.language === target.language &&
      !isNearDuplicate(target, candidate, weights.nearDuplicateCosine, cosineOf),
  );

  const stories = representatives(pool, weights.nearDuplicateCosine, cosineOf).map((story) => ({
    story,
    cosine: overlapCosine(target.profile, story.profile),
  }));
  const neighbours = stories
    .filter(({ cosine }) => cosine > 0)
    .sort((a, b) => b.cosine - a.cosine || a.story.id - b.story.id)
    .slice(0, Math.max(0, Math.floor(weights.feedbackArticles)))
    .map(({ story }) => story.profile);
  const expanded = expandProfile(target.profile, neighbours, weights.feedbackWeight);

  const scored: Array<RelatedResult & { story: RelatedInput }> = [];
  for (const { story, cosine } of stories) {
    const termSimilarity = cosine > 0 ? similarityTo(expanded, story.profile) : 0;
    const result = scoredStory(target, story, termSimilarity, weights);
    if (result) scored.push({ id: story.id, ...result, story });
  }
  scored.sort(bestFirst);
  // The shared terms are named only for the stories kept: naming them for all fifty was most of the ranking's garbage.
  return scored.slice(0, limit).map(({ id, score, reasons, story }) => {
    nameSharedTerms(reasons, () => profileOverlap(target.profile, story.profile).terms);
    return { id, score, reasons };
  });
}

/** The fields of two articles the reasons compare (beside their term similarity). */
export type ReasonFields = Pick<RelatedInput, 'categoryId' | 'sourceId' | 'tags' | 'publishedAt' | 'topics'>;

/**
 * A story's reasons and score (their weights summed, strongest first), or
 * null when nothing about its content relates it (source and time alone do
 * not). SHARED_TERMS' terms are left empty: nameSharedTerms names them for the stories kept.
 */
export function scoredStory(target: ReasonFields, story: ReasonFields, termSimilarity: number, weights: RelatedWeights): { score: number; reasons: RelatedReason[] } | null {
  const reasons = reasonsFor(target, story, termSimilarity, weights);
  if (!reasons.some(({ signal }) => CONTENT_SIGNALS.has(signal))) return null;
  return { score: reasons.reduce((sum, { weight }) => sum + weight, 0), reasons };
}

/** The order of a list: highest score first, equal scores by id. */
export function bestFirst(a: { id: number; score: number }, b: { id: number; score: number }): number {
  return b.score - a.score || a.id - b.id;
}

/** Fills SHARED_TERMS' terms (when there is such a reason) with the first of `sharedTerms()`, strongest first. */
export function nameSharedTerms(reasons: RelatedReason[], sharedTerms: () => string[]): void {
  for (const reason of reasons) if (reason.signal === 'SHARED_TERMS') reason.terms = sharedTerms().slice(0, MAX_REASON_TERMS);
}

function uniqueById(items: readonly RelatedInput[]): RelatedInput[] {
  const byId = new Map<number, RelatedInput>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

function publishedTime(item: Pick<RelatedInput, 'publishedAt'>): number {
  const time = item.publishedAt?.getTime();
  return time === undefined || Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

/** One article per story: the earliest published copy, then the lowest id. */
function representatives(pool: readonly RelatedInput[], threshold: number, cosineOf: CosineOf): RelatedInput[] {
  const groups = nearDuplicateGroups(pool, threshold, cosineOf);
  const chosen = new Map<number, RelatedInput>();
  pool.forEach((item, index) => {
    const current = chosen.get(groups[index]);
    if (!current || publishedTime(item) < publishedTime(current) || (publishedTime(item) === publishedTime(current) && item.id < current.id)) {
      chosen.set(groups[index], item);
    }
  });
  return [...chosen.values()];
}

/** `termSimilarity` is the (expanded) term similarity; SHARED_TERMS' terms are named by the caller, for the stories it keeps. */
function reasonsFor(target: ReasonFields, candidate: ReasonFields, termSimilarity: number, weights: RelatedWeights): RelatedReason[] {
  const reasons: RelatedReason[] = [];

  if (termSimilarity > 0 && weights.sharedTerms > 0) {
    reasons.push({ signal: 'SHARED_TERMS', weight: weights.sharedTerms * termSimilarity, terms: [] });
  }
  if (target.categoryId !== null && target.categoryId === candidate.categoryId && weights.sameCategory > 0) {
    reasons.push({ signal: 'SAME_CATEGORY', weight: weights.sameCategory });
  }
  if (target.topics && candidate.topics && weights.sameTopic > 0) {
    const { similarity, topic } = topicAgreement(target.topics, candidate.topics);
    if (topic && similarity >= weights.sameTopicFloor) reasons.push({ signal: 'SAME_TOPIC', weight: weights.sameTopic * similarity, topic: topic.name });
  }
  const tags = sharedTags(target.tags, candidate.tags);
  if (tags.shared.length > 0 && weights.sharedTags > 0) {
    reasons.push({ signal: 'SHARED_TAGS', weight: weights.sharedTags * tags.overlap, tags: tags.shared });
  }
  if (target.sourceId !== null && target.sourceId === candidate.sourceId && weights.sameSource > 0) {
    reasons.push({ signal: 'SAME_SOURCE', weight: weights.sameSource });
  }
  const closeness = timeCloseness(target, candidate, weights.timeHalfLifeDays);
  if (closeness >= weights.closeInTimeFloor && weights.closeInTime > 0) {
    reasons.push({ signal: 'CLOSE_IN_TIME', weight: weights.closeInTime * closeness });
  }

  return reasons.sort((a, b) => b.weight - a.weight || SIGNAL_ORDER.indexOf(a.signal) - SIGNAL_ORDER.indexOf(b.signal));
}

/** Tags match whatever their case or accents; reported as the target spells them. */
function sharedTags(targetTags: readonly string[], candidateTags: readonly string[]): { shared: string[]; overlap: number } {
  const own = new Map<string, string>();
  for (const tag of targetTags) {
    const key = normalizeText(tag);
    if (key !== '' && !own.has(key)) own.set(key, tag);
  }
  const theirs = new Set(candidateTags.map(normalizeText).filter((key) => key !== ''));
  const shared = [...own].filter(([key]) => theirs.has(key)).map(([, tag]) => tag);
  const overlap = shared.length === 0 ? 0 : shared.length / Math.sqrt(own.size * theirs.size);
  return { shared, overlap };
}

/** 1 on the same instant, 0.5 one half-life apart; 0 when either date is unknown. */
function timeCloseness(a: ReasonFields, b: ReasonFields, halfLifeDays: number): number {
  const [ta, tb] = [publishedTime(a), publishedTime(b)];
  if (!Number.isFinite(ta) || !Number.isFinite(tb) || halfLifeDays <= 0) return 0;
  return Math.pow(0.5, Math.abs(ta - tb) / DAY_MS / halfLifeDays);
}
