import { normalizeText } from '../text/text.normalize';
import { profileCosine, type CosineOf } from './related.similarity';
import type { RelatedInput } from './related.types';
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
 * Syndicated copies and light re-edits of one story: the same content hash, the
 * same normalised title, or term profiles at least `threshold` alike.
 */
export function isNearDuplicate(a: DuplicateFields, b: DuplicateFields, threshold: number, cosineOf: CosineOf = profileCosine): boolean {
  if (a.contentHash && a.contentHash === b.contentHash) return true;
  const key = titleKey(a);
  if (key !== '' && key === titleKey(b)) return true;
  return cosineOf(a.profile, b.profile) >= threshold;
}

/**
 * Groups items into stories (transitively: A≈B and B≈C puts all three together).
 * Returns, for every item index, the index of its group's first member.
 *
 * Comparing every pair is quadratic, so profile pairs are found through an
 * inverted index with a prefix filter: with unit-length profiles, if b shares
 * none of a's heaviest terms whose weights make up more than 1 - threshold²
 * of a's squared norm, the rest of a can add at most ||rest|| < threshold to
 * the dot product, so the pair cannot reach the threshold.
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
  const postings = new Map<string, number[]>();
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
    for (const { term } of item.profile) {
      const list = postings.get(term);
      if (list) list.push(index);
      else postings.set(term, [index]);
    }
  });

  // A small margin below threshold² keeps float rounding of stored weights safe.
  const stopAt = threshold * threshold * 0.98;
  // Each pair is compared at most once: a pair sharing several prefix terms,
  // or found from both sides, would otherwise be compared again each time
  // (this loop was most of the related indexer's time).
  const compared = new Uint8Array(items.length * items.length);
  items.forEach((item, index) => {
    const heaviestFirst = [...item.profile].sort((x, y) => y.weight - x.weight);
    let rest = heaviestFirst.reduce((sum, { weight }) => sum + weight * weight, 0);
    for (const { term, weight } of heaviestFirst) {
      if (rest < stopAt) break;
      rest -= weight * weight;
      for (const other of postings.get(term) ?? []) {
        if (other === index) continue;
        const pair = index < other ? index * items.length + other : other * items.length + index;
        if (compared[pair] || find(other) === find(index)) continue;
        compared[pair] = 1;
        if (cosineOf(item.profile, items[other].profile) >= threshold) union(index, other);
      }
    }
  });

  return items.map((_, index) => find(index));
}
