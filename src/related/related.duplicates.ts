import { normalizeText } from '../text/text.normalize';
import { profileCosine, type CosineOf } from './related.similarity';
import type { RelatedInput, TermWeight } from './related.types';
import { packedDot, packedProfiles } from './related.packed';
import { LETTER_OR_DIGIT_RUNS } from '../text/text.patterns';

type DuplicateFields = Pick<RelatedInput, 'language' | 'title' | 'profile' | 'contentHash'>;


// Each ranking call compares every candidate's title; this cache keeps that
// from normalising the same titles again on every request. Two generations:
// when the newer is full it becomes the older, and a title found in the older
// moves up, so the titles in use survive a turnover (one map cleared when full
// normalised most titles again and again when candidates came from a whole
// language). The bulk build keeps its own key per article (related.memory-ranking.ts).
const TITLE_GENERATION_SIZE = 20_000;
let recentTitleKeys = new Map<string, string>();
let olderTitleKeys = new Map<string, string>();

/** The title's words, normalised: "Kenya: Ruto wins!" and "KENYA – Ruto wins" agree ('' for a title without any). */
export function titleKeyOf(title: string): string {
  return normalizeText(title).match(LETTER_OR_DIGIT_RUNS)?.join(' ') ?? '';
}

/** titleKeyOf, remembered. */
function titleKey(item: DuplicateFields): string {
  let key = recentTitleKeys.get(item.title);
  if (key !== undefined) return key;
  key = olderTitleKeys.get(item.title) ?? titleKeyOf(item.title);
  if (recentTitleKeys.size >= TITLE_GENERATION_SIZE) {
    olderTitleKeys = recentTitleKeys;
    recentTitleKeys = new Map();
  }
  recentTitleKeys.set(item.title, key);
  return key;
}

/**
 * A fast dot product on interned ids (related.packed.ts) sums in another
 * order than profileCosine, so it can differ in the last bits; profiles are
 * unit length with positive weights, so by far less than this. Only a pair
 * this close to the threshold is decided by the exact cosine, and every
 * decision is the one profileCosine gives.
 */
export const ROUNDING_MARGIN = 1e-9;

/**
 * uniteAlikeProfiles' early stop compares a bound (partial dots plus a norm
 * left, from subtracted squares) with the threshold: this much below it,
 * far more than either can be off, so the bound never skips a pair the whole
 * dot would have decided.
 */
const BOUND_SLACK = 1e-6;

/** cosineOf(a, b) ≥ threshold, given `dot`, the pair's products summed in any order: exact only within rounding of it. */
function reachesThreshold(dot: number, threshold: number, a: readonly TermWeight[], b: readonly TermWeight[], cosineOf: CosineOf): boolean {
  return atThreshold(dot, threshold, () => cosineOf(a, b));
}

/** Whether a pair's cosine reaches `threshold`, given `dot` (its products summed in any order); `exact()` decides a pair within rounding of it. */
export function atThreshold(dot: number, threshold: number, exact: () => number): boolean {
  if (dot >= threshold + ROUNDING_MARGIN) return true;
  if (dot < threshold - ROUNDING_MARGIN) return false;
  return exact() >= threshold;
}

/**
 * Syndicated copies and light re-edits of one story: the same content hash, the
 * same normalised title, or term profiles at least `threshold` alike.
 * `cosineOf` must compute profileCosine (a memo of it may be given).
 */
export function isNearDuplicate(a: DuplicateFields, b: DuplicateFields, threshold: number, cosineOf: CosineOf = profileCosine): boolean {
  if (a.contentHash && a.contentHash === b.contentHash) return true;
  const key = titleKey(a);
  if (key !== '' && key === titleKey(b)) return true;
  const [packedA, packedB] = packedProfiles([a.profile, b.profile]);
  return reachesThreshold(packedDot(packedA, packedB), threshold, a.profile, b.profile, cosineOf);
}

// The postings of one call as linked lists, their heads in an open-addressing
// table keyed by term id, sized by the call's entries (not by the vocabulary:
// arrays indexed by term id took 12 bytes a term, ~80 MB per ranking worker at
// 6.6 million terms) and reused across calls: a stamp tells this call's slots
// from older ones.
let slotTerms = new Int32Array(0);
let slotHeads = new Int32Array(0);
let slotStamps = new Int32Array(0);
let stamp = 0;
// Per entry (one a profile term): the next entry of its term, its item, its weight, and its slot
// (so the second pass, in the same order, does not probe again). Reused across calls like the
// table: four new arrays per target were off-heap allocations the collector had to track.
let next = new Int32Array(0);
let itemOf = new Int32Array(0);
let weightAt = new Float64Array(0);
let slotOf = new Int32Array(0);
let dots = new Float64Array(0);
// Each item's squared norm (the first pass sums it; the early stop starts from it).
let squaredNorms = new Float64Array(0);
// nearDuplicateGroups' profiles, flattened for uniteAlikeProfiles.
let flatTerms = new Int32Array(0);
let flatWeights = new Float64Array(0);

/** Union-find over item indexes: a group's representative is its lowest index. */
export class Components {
  private readonly parent: Int32Array;

  constructor(count: number) {
    this.parent = new Int32Array(count);
    for (let i = 0; i < count; i++) this.parent[i] = i;
  }

  find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  /** For every item, its group's lowest index. */
  groups(): Int32Array {
    return Int32Array.from(this.parent, (_, i) => this.find(i));
  }
}

/**
 * Unites the items whose profiles are at least `threshold` alike. Item i's
 * terms (interned ids) are terms[starts[i], ends[i]) with their weights at
 * the same places. Every pair's dot product is summed through postings of
 * the items' terms (only pairs sharing a term cost anything; candidates
 * share most of their heaviest terms, so this does a fraction of the work
 * of a merge per pair), each pair from its lower index, and a pair not
 * already together is decided by `reaches(dot, low, high)`, which rounds as
 * reachesThreshold does.
 *
 * An item's terms are summed heaviest first when `order` gives their weight
 * order (order[starts[i] + rank] is the place, from starts[i], of its
 * rank-th heaviest term), and the item stops early once no later item can
 * reach the threshold with it: a pair's dot is at most what its summed terms
 * gave plus the norm of the item's terms left times the other's norm
 * (Cauchy-Schwarz). At a threshold of 0.9 every item of the 100,000
 * synthetic build stopped, after about an eighth of its terms, and the light
 * terms left are the common ones, shared by most of a pool (the longest
 * postings). Only pairs provably below the threshold are
 * skipped, so every decision is the one the whole sum gives.
 */
export function uniteAlikeProfiles(
  groups: Components,
  count: number,
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  terms: Int32Array,
  weights: ArrayLike<number>,
  threshold: number,
  reaches: (dot: number, low: number, high: number) => boolean,
  order?: Uint8Array,
): void {
  if (squaredNorms.length < count) squaredNorms = new Float64Array(count * 2);
  let entries = 0;
  let largestNorm = 0;
  for (let i = 0; i < count; i++) {
    entries += ends[i] - starts[i];
    let squares = 0;
    for (let k = starts[i]; k < ends[i]; k++) squares += weights[k] * weights[k];
    squaredNorms[i] = squares;
    largestNorm = Math.max(largestNorm, Math.sqrt(squares));
  }
  // What a pair's dot must stay under to be skipped: the bound is summed in another order than the dot.
  const below = threshold - ROUNDING_MARGIN - BOUND_SLACK;
  let size = 16;
  while (size < entries * 2) size *= 2; // at most half full
  if (slotTerms.length < size) {
    slotTerms = new Int32Array(size);
    slotHeads = new Int32Array(size);
    slotStamps = new Int32Array(size);
  }
  stamp = stamp === 0x7fffffff ? 1 : stamp + 1;
  if (stamp === 1) slotStamps.fill(0);
  const mask = size - 1;
  if (next.length < entries) {
    next = new Int32Array(entries * 2);
    itemOf = new Int32Array(entries * 2);
    weightAt = new Float64Array(entries * 2);
    slotOf = new Int32Array(entries * 2);
  }
  if (dots.length < count) dots = new Float64Array(count * 2);
  let entry = 0;
  for (let index = 0; index < count; index++) {
    for (let k = starts[index]; k < ends[index]; k++, entry++) {
      const term = terms[k];
      let slot = (Math.imul(term, 0x9e3779b1) >>> 0) & mask;
      while (slotStamps[slot] === stamp && slotTerms[slot] !== term) slot = (slot + 1) & mask;
      if (slotStamps[slot] === stamp) next[entry] = slotHeads[slot];
      else {
        next[entry] = -1;
        slotStamps[slot] = stamp;
        slotTerms[slot] = term;
      }
      slotHeads[slot] = entry;
      slotOf[entry] = slot;
      itemOf[entry] = index;
      weightAt[entry] = weights[k];
    }
  }
  // A term's postings run from the highest index down and stop at the item itself.
  let first = 0;
  for (let index = 0; index < count; index++) {
    dots.fill(0, index + 1, count);
    const terms = ends[index] - starts[index];
    let left = squaredNorms[index]; // the squared norm of the item's terms not summed yet
    let largestDot = 0;
    let skipped = false;
    for (let rank = 0; rank < terms; rank++) {
      if (largestDot + Math.sqrt(Math.max(0, left)) * largestNorm < below) {
        skipped = true;
        break;
      }
      const entry = first + (order ? order[starts[index] + rank] : rank);
      const weight = weightAt[entry];
      left -= weight * weight;
      for (let at = slotHeads[slotOf[entry]]; at !== -1; at = next[at]) {
        const other = itemOf[at];
        if (other <= index) break;
        const dot = dots[other] + weight * weightAt[at];
        dots[other] = dot;
        if (dot > largestDot) largestDot = dot;
      }
    }
    first += terms;
    if (skipped) continue;
    for (let other = index + 1; other < count; other++) {
      const dot = dots[other];
      if (dot < threshold - ROUNDING_MARGIN || groups.find(other) === groups.find(index)) continue;
      if (reaches(dot, index, other)) groups.union(index, other);
    }
  }
}

/**
 * Groups items into stories (transitively: A≈B and B≈C puts all three together).
 * Returns, for every item index, the index of its group's first member.
 *
 * The groups are the connected components of "same hash, same title or
 * cosine ≥ threshold", so they do not depend on the order pairs are found in.
 * Pair cosines are summed through an inverted index of interned term ids
 * (uniteAlikeProfiles) and decided as reachesThreshold decides them.
 */
export function nearDuplicateGroups(items: readonly DuplicateFields[], threshold: number, cosineOf: CosineOf = profileCosine): number[] {
  const groups = new Components(items.length);
  const byHash = new Map<string, number>();
  const byTitle = new Map<string, number>();
  items.forEach((item, index) => {
    if (item.contentHash) {
      const first = byHash.get(item.contentHash);
      if (first === undefined) byHash.set(item.contentHash, index);
      else groups.union(first, index);
    }
    const key = titleKey(item);
    if (key !== '') {
      const first = byTitle.get(key);
      if (first === undefined) byTitle.set(key, index);
      else groups.union(first, index);
    }
  });

  const packed = packedProfiles(items.map((item) => item.profile));
  const entries = packed.reduce((sum, { ids }) => sum + ids.length, 0);
  if (flatTerms.length < entries) {
    flatTerms = new Int32Array(entries * 2);
    flatWeights = new Float64Array(entries * 2);
  }
  const starts = new Int32Array(items.length);
  const ends = new Int32Array(items.length);
  let at = 0;
  packed.forEach(({ ids, weights }, index) => {
    starts[index] = at;
    flatTerms.set(ids, at);
    flatWeights.set(weights, at);
    at += ids.length;
    ends[index] = at;
  });
  uniteAlikeProfiles(groups, items.length, starts, ends, flatTerms, flatWeights, threshold, (dot, low, high) =>
    reachesThreshold(dot, threshold, items[low].profile, items[high].profile, cosineOf),
  );
  return Array.from(groups.groups());
}
