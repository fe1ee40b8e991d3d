import { normalizeText } from '../text/text.normalize';
import { profileCosine, type CosineOf } from './related.similarity';
import type { RelatedInput, TermWeight } from './related.types';
import { packedDot, packedProfiles, termIdCount, type PackedProfile } from './related.packed';
import { LETTER_OR_DIGIT_RUNS } from '../text/text.patterns';

type DuplicateFields = Pick<RelatedInput, 'language' | 'title' | 'profile' | 'contentHash'>;


const titleKeys = new Map<string, string>();
const TITLE_CACHE_SIZE = 10_000;

/** The title's words, normalised: "Kenya: Ruto wins!" and "KENYA – Ruto wins" agree. */
function titleKey(item: DuplicateFields): string {
  // Each ranking call compares every candidate's title; the small cache keeps
  // that from normalising the same titles again on every request.
  let key = titleKeys.get(item.title);
  if (key === undefined) {
    key = normalizeText(item.title).match(LETTER_OR_DIGIT_RUNS)?.join(' ') ?? '';
    if (titleKeys.size >= TITLE_CACHE_SIZE) titleKeys.clear();
    titleKeys.set(item.title, key);
  }
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

/** cosineOf(a, b) ≥ threshold, decided on the packed profiles unless the pair is within rounding of it. */
function reachesThreshold(
  a: readonly TermWeight[],
  b: readonly TermWeight[],
  packedA: PackedProfile,
  packedB: PackedProfile,
  threshold: number,
  cosineOf: CosineOf,
): boolean {
  const dot = packedDot(packedA, packedB);
  if (dot >= threshold + ROUNDING_MARGIN) return true;
  if (dot < threshold - ROUNDING_MARGIN) return false;
  return cosineOf(a, b) >= threshold;
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
  return reachesThreshold(a.profile, b.profile, packedA, packedB, threshold, cosineOf);
}

// The postings of one call as linked lists in typed arrays indexed by term id,
// reused across calls: a stamp tells this call's heads from older ones.
let heads = new Int32Array(0);
let headStamps = new Int32Array(0);
let stamp = 0;

/**
 * Groups items into stories (transitively: A≈B and B≈C puts all three together).
 * Returns, for every item index, the index of its group's first member.
 *
 * Comparing every pair is quadratic, so profile pairs are found through an
 * inverted index with a prefix filter: with unit-length profiles, if b shares
 * none of a's heaviest terms whose weights make up more than 1 - threshold²
 * of a's squared norm, the rest of a can add at most ||rest|| < threshold to
 * the dot product, so the pair cannot reach the threshold. The groups are
 * the connected components of "same hash, same title or cosine ≥ threshold",
 * so they do not depend on the order pairs are found in.
 */
export function nearDuplicateGroups(items: readonly DuplicateFields[], threshold: number, cosineOf: CosineOf = profileCosine): number[] {
  const parent = items.map((_, index) => index);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number): void => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const byHash = new Map<string, number>();
  const byTitle = new Map<string, number>();
  items.forEach((item, index) => {
    if (item.contentHash) {
      const first = byHash.get(item.contentHash);
      if (first === undefined) byHash.set(item.contentHash, index);
      else union(first, index);
    }
    const key = titleKey(item);
    if (key !== '') {
      const first = byTitle.get(key);
      if (first === undefined) byTitle.set(key, index);
      else union(first, index);
    }
  });

  const packed = packedProfiles(items.map((item) => item.profile));
  if (heads.length < termIdCount()) {
    heads = new Int32Array(Math.ceil(termIdCount() * 1.5));
    headStamps = new Int32Array(heads.length);
  }
  stamp = stamp === 0x7fffffff ? 1 : stamp + 1;
  if (stamp === 1) headStamps.fill(0);
  const entries = packed.reduce((sum, { ids }) => sum + ids.length, 0);
  const next = new Int32Array(entries);
  const itemOf = new Int32Array(entries);
  let entry = 0;
  packed.forEach(({ ids }, index) => {
    for (let k = 0; k < ids.length; k++, entry++) {
      const term = ids[k];
      next[entry] = headStamps[term] === stamp ? heads[term] : -1;
      heads[term] = entry;
      headStamps[term] = stamp;
      itemOf[entry] = index;
    }
  });

  // A small margin below threshold² keeps float rounding of stored weights safe.
  const stopAt = threshold * threshold * 0.98;
  // A pair at or above the threshold shares a term of either side's prefix,
  // so each pair is looked for from its lower index only: postings run from
  // the highest index down, and stop at the item itself. `seen` keeps a pair
  // sharing several prefix terms from being compared again.
  const seen = new Int32Array(items.length);
  packed.forEach(({ heaviest, heaviestWeights }, index) => {
    let rest = 0;
    for (let k = 0; k < heaviestWeights.length; k++) rest += heaviestWeights[k] * heaviestWeights[k];
    for (let k = 0; k < heaviest.length && rest >= stopAt; k++) {
      rest -= heaviestWeights[k] * heaviestWeights[k];
      for (let at = heads[heaviest[k]]; at !== -1; at = next[at]) {
        const other = itemOf[at];
        if (other <= index) break;
        if (seen[other] === index + 1) continue;
        seen[other] = index + 1;
        if (find(other) === find(index)) continue;
        if (reachesThreshold(items[index].profile, items[other].profile, packed[index], packed[other], threshold, cosineOf)) union(index, other);
      }
    }
  });

  return items.map((_, index) => find(index));
}
