import { atThreshold, Components, titleKeyOf, uniteAlikeProfiles } from './related.duplicates';
import { ExpandedProfile } from './related.feedback';
import { CANDIDATE_POOL, RELATED_STORED } from './related.live-ranking';
import type { LanguageIndex } from './related.memory-index';
import { bestFirst, nameSharedTerms, scoredStory, type ReasonFields } from './related.ranking';
import { sharedDot } from './related.packed';
import { sharedCosine, strongestFirst } from './related.similarity';
import type { RelatedReason, RelatedResult, TermWeight, TopicsOf } from './related.types';
import { RELATED_WEIGHTS, type RelatedWeights } from './related.weights';

/**
 * Pass 3 for one page of targets: each target's candidates from memory,
 * ranked as rankRelated ranks them (rankAgainstIndex, the incremental path),
 * to the last bit: the same pool, stories, feedback, scores and reasons.
 */
export function rankInMemory(
  index: LanguageIndex,
  page: ReadonlyArray<{ articleId: number }>,
  topicsOf?: TopicsOf,
  weights: RelatedWeights = RELATED_WEIGHTS,
): Map<number, RelatedResult[]> {
  const ranker = rankerOf(index, topicsOf);
  const lists = new Map<number, RelatedResult[]>();
  for (const { articleId } of page) {
    const target = index.positionOf(articleId);
    // Unpublished since it was counted: queued again, the incremental indexer follows.
    if (target === undefined || !index.columns.isPublished(target)) continue;
    lists.set(articleId, ranker.rank(target, RELATED_STORED, weights));
  }
  return lists;
}

const rankers = new WeakMap<LanguageIndex, IndexRanker>();

/** One ranker per index (its per-article memos last as long as the index); a new one when the topic model changes. */
function rankerOf(index: LanguageIndex, topicsOf: TopicsOf | undefined): IndexRanker {
  let ranker = rankers.get(index);
  if (!ranker || ranker.topicsOf !== topicsOf) rankers.set(index, (ranker = new IndexRanker(index, topicsOf)));
  return ranker;
}

/** The reasons' fields of this many articles are remembered (about 150 bytes each); then they start over. */
const REMEMBERED_FIELDS = 50_000;
const UNKNOWN = -2;
const NONE = -1;
const CONTENT_HASH = 0;
const TITLE_KEY = 1;
type KeyKind = typeof CONTENT_HASH | typeof TITLE_KEY;

/** FNV-1a over the key's UTF-16 code units, kept clear of NONE and UNKNOWN; NONE for ''. */
export function keyHash(key: string): number {
  if (key === '') return NONE;
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash === NONE || hash === UNKNOWN ? 0 : hash;
}

/**
 * rankRelated over a LanguageIndex's typed arrays, by article position. The
 * object version materialized every candidate (a TermWeight object per
 * profile term, 50 candidates a target) and sorted its terms by id to
 * compare them: most of a ranking worker's time and garbage. Here profiles
 * are read in place (terms by id, weights beside them, their weight order a
 * byte a term) and objects are made only for the reasons: every sum runs in
 * the order rankRelated's runs in, so every score is the same number
 * (related.memory-ranking.spec.ts compares the two on random archives).
 */
class IndexRanker {
  private readonly profiles: LanguageIndex['profiles'];
  /**
   * Per position: a 32-bit hash of its content hash and of its title key
   * (NONE: it has none), UNKNOWN until asked. Equal numbers are checked
   * against the strings (sameKey): a Map from every key to an id held a
   * string per article of the language, hundreds of MB per worker at archive size.
   */
  private readonly titleKeys: Int32Array;
  private readonly hashes: Int32Array;
  private fields = new Map<number, ReasonFields>();
  /** The target's expanded profile, reused from target to target. */
  private readonly expanded = new ExpandedProfile();

  constructor(
    private readonly index: LanguageIndex,
    readonly topicsOf: TopicsOf | undefined,
  ) {
    this.profiles = index.profiles;
    this.titleKeys = new Int32Array(index.size).fill(UNKNOWN);
    this.hashes = new Int32Array(index.size).fill(UNKNOWN);
  }

  /** The target's list, as rankRelated(target, its candidates, first, weights) answers it. */
  rank(target: number, first: number, weights: RelatedWeights): RelatedResult[] {
    const limit = Math.max(0, Math.floor(first));
    if (limit === 0) return [];
    const columns = this.index.columns;
    const language = columns.languageAt(target);
    // The pool by ascending id (= position), as uniqueById orders it.
    const pool = this.index
      .candidatePositions(target, CANDIDATE_POOL)
      .filter(
        (candidate) =>
          candidate !== target &&
          columns.isPublished(candidate) &&
          columns.languageAt(candidate) === language &&
          !this.nearDuplicate(target, candidate, weights.nearDuplicateCosine),
      )
      .sort((a, b) => a - b);
    const stories = this.representatives(pool, weights.nearDuplicateCosine);
    const cosines = stories.map((story) => this.cosine(target, story));
    const neighbours = stories
      .map((story, at) => at)
      .filter((at) => cosines[at] > 0)
      .sort((a, b) => cosines[b] - cosines[a] || stories[a] - stories[b])
      .slice(0, Math.max(0, Math.floor(weights.feedbackArticles)))
      .map((at) => stories[at]);
    this.expand(target, neighbours, weights.feedbackWeight);

    const targetFields = this.fieldsOf(target);
    const scored: Array<{ id: number; score: number; reasons: RelatedReason[]; story: number }> = [];
    stories.forEach((story, at) => {
      const termSimilarity = cosines[at] > 0 ? this.similarityToExpanded(story) : 0;
      const result = scoredStory(targetFields, this.fieldsOf(story), termSimilarity, weights);
      if (result) scored.push({ id: columns.id(story), ...result, story });
    });
    scored.sort(bestFirst);
    return scored.slice(0, limit).map(({ id, score, reasons, story }) => {
      nameSharedTerms(reasons, () => this.sharedTerms(target, story));
      return { id, score, reasons };
    });
  }

  /** isNearDuplicate(target, candidate): the same content hash or title key, or profiles at least `threshold` alike. */
  private nearDuplicate(target: number, candidate: number, threshold: number): boolean {
    if (this.sameKey(CONTENT_HASH, target, candidate) || this.sameKey(TITLE_KEY, target, candidate)) return true;
    return atThreshold(this.dot(target, candidate), threshold, () => this.cosine(target, candidate));
  }

  /** One article per story (nearDuplicateGroups): the earliest published copy, then the lowest id, in the order of the stories' first members. */
  private representatives(pool: readonly number[], threshold: number): number[] {
    const groups = this.storyGroups(pool, threshold);
    const chosen = new Map<number, number>();
    const columns = this.index.columns;
    const time = (position: number) => {
      const at = columns.publishedTime(position);
      return Number.isNaN(at) ? Number.POSITIVE_INFINITY : at;
    };
    pool.forEach((item, at) => {
      const current = chosen.get(groups[at]);
      if (current === undefined || time(item) < time(current) || (time(item) === time(current) && item < current)) chosen.set(groups[at], item);
    });
    return [...chosen.values()];
  }

  /**
   * nearDuplicateGroups by position: for every item, its story's first
   * member (same content hash, same title key, or profiles at least
   * `threshold` alike, transitively), every decision the object version's.
   */
  private storyGroups(items: readonly number[], threshold: number): Int32Array {
    const groups = new Components(items.length);
    for (const kind of [CONTENT_HASH, TITLE_KEY] as const) {
      // The first item with each key, by its hash (items whose hashes collide are told apart by sameKey).
      const firstWith = new Map<number, number[]>();
      items.forEach((item, at) => {
        const hash = this.keyHashOf(kind, item);
        if (hash === NONE) return;
        const firsts = firstWith.get(hash);
        if (!firsts) {
          firstWith.set(hash, [at]);
          return;
        }
        const first = firsts.find((other) => this.sameKey(kind, items[other], item));
        if (first === undefined) firsts.push(at);
        else groups.union(first, at);
      });
    }
    const { offsets, terms, weights, order } = this.profiles;
    const starts = Int32Array.from(items, (item) => offsets[item]);
    const ends = Int32Array.from(items, (item) => offsets[item + 1]);
    uniteAlikeProfiles(
      groups,
      items.length,
      starts,
      ends,
      terms,
      weights,
      threshold,
      (dot, low, high) => atThreshold(dot, threshold, () => this.cosine(items[low], items[high])),
      order,
    );
    return groups.groups();
  }

  /** Σ of the shared terms' products, in term-id order (packedDot). */
  private dot(a: number, b: number): number {
    const { offsets, terms, weights } = this.profiles;
    return sharedDot(terms, weights, offsets[a], offsets[a + 1], terms, weights, offsets[b], offsets[b + 1]);
  }

  /** The exact cosine (overlapCosine, profileCosine): the shared terms' products summed largest first. */
  private cosine(a: number, b: number): number {
    const { offsets, terms, weights } = this.profiles;
    return sharedCosine(terms, weights, offsets[a], offsets[a + 1], terms, weights, offsets[b], offsets[b + 1]);
  }

  /**
   * expandProfile(target, neighbours, weight) into this ranker's
   * ExpandedProfile: the target's terms, then each neighbour's (heaviest
   * first), added in that order, then L2-normalised.
   */
  private expand(target: number, neighbours: readonly number[], weight: number): void {
    const { offsets, terms, weights, order } = this.profiles;
    const profiles = neighbours.length > 0 && weight > 0 ? [target, ...neighbours] : [target];
    const capacity = profiles.reduce((sum, position) => sum + offsets[position + 1] - offsets[position], 0);
    // Term ids are the index's own: one generation for as long as the index lives.
    this.expanded.reset(capacity, 0, (profile, position) => {
      const start = offsets[profiles[profile]];
      return this.index.term(terms[start + order[start + position]]);
    });
    const share = weight / neighbours.length;
    profiles.forEach((position, n) => {
      const start = offsets[position];
      for (let k = 0; k < offsets[position + 1] - start; k++) {
        const at = start + order[start + k];
        this.expanded.add(terms[at], n === 0 ? weights[at] : share * weights[at], n, k);
      }
    });
    this.expanded.normalise();
  }

  /** similarityTo(expanded, story's profile): summed in the story's weight order. */
  private similarityToExpanded(story: number): number {
    const { offsets, terms, weights, order } = this.profiles;
    const start = offsets[story];
    let sum = 0;
    for (let k = start; k < offsets[story + 1]; k++) {
      const at = start + order[k];
      sum += weights[at] * this.expanded.weightOfId(terms[at]);
    }
    return sum;
  }

  /** profileOverlap(target, story).terms: the shared terms, largest product first, ties by term. */
  private sharedTerms(target: number, story: number): string[] {
    const { offsets, terms, weights } = this.profiles;
    let [i, j] = [offsets[target], offsets[story]];
    const [aEnd, bEnd] = [offsets[target + 1], offsets[story + 1]];
    const shared: TermWeight[] = [];
    while (i < aEnd && j < bEnd) {
      if (terms[i] < terms[j]) i++;
      else if (terms[i] > terms[j]) j++;
      else shared.push({ term: this.index.term(terms[i]), weight: weights[i++] * weights[j++] });
    }
    return strongestFirst(shared);
  }

  /** What the reasons compare, with the topic distribution when there is a model (withTopics). */
  private fieldsOf(position: number): ReasonFields {
    let fields = this.fields.get(position);
    if (fields) return fields;
    const columns = this.index.columns;
    const time = columns.publishedTime(position);
    fields = {
      categoryId: columns.categoryId(position),
      sourceId: columns.sourceId(position),
      tags: columns.tags(position),
      publishedAt: Number.isNaN(time) ? null : new Date(time),
    };
    if (this.topicsOf) fields.topics = this.topicsOf({ language: columns.languageOf(position), categoryId: fields.categoryId, profile: this.index.profileAt(position) });
    if (this.fields.size >= REMEMBERED_FIELDS) this.fields = new Map();
    this.fields.set(position, fields);
    return fields;
  }

  /** The hash of an article's content hash or title key (keyHash), NONE when it has none. */
  private keyHashOf(kind: KeyKind, position: number): number {
    const hashes = kind === CONTENT_HASH ? this.hashes : this.titleKeys;
    if (hashes[position] === UNKNOWN) hashes[position] = keyHash(this.keyOf(kind, position));
    return hashes[position];
  }

  /** Whether both articles have this key, and the same (isNearDuplicate's first two tests). */
  private sameKey(kind: KeyKind, a: number, b: number): boolean {
    const hash = this.keyHashOf(kind, a);
    return hash !== NONE && hash === this.keyHashOf(kind, b) && this.keyOf(kind, a) === this.keyOf(kind, b);
  }

  private keyOf(kind: KeyKind, position: number): string {
    const columns = this.index.columns;
    return kind === CONTENT_HASH ? columns.contentHash(position) : titleKeyOf(columns.title(position));
  }
}
