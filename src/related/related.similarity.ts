import { compareTerms } from './related.profile';
import type { TermWeight } from './related.types';

export interface ProfileOverlap {
  /** Dot product of two L2-normalised profiles, i.e. their cosine. */
  cosine: number;
  /** Shared terms, strongest contribution first (ties by term). */
  terms: string[];
}

// Ranking compares one profile with hundreds of others; looking terms up in a
// map built once per profile array (not once per pair) keeps that linear.
const lookups = new WeakMap<readonly TermWeight[], ReadonlyMap<string, number>>();

function lookupOf(profile: readonly TermWeight[]): ReadonlyMap<string, number> {
  let lookup = lookups.get(profile);
  if (!lookup) {
    lookup = new Map(profile.map(({ term, weight }) => [term, weight]));
    lookups.set(profile, lookup);
  }
  return lookup;
}

/** Cosine of two term profiles and which terms made it. Symmetric. */
export function profileOverlap(a: readonly TermWeight[], b: readonly TermWeight[]): ProfileOverlap {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const other = lookupOf(large);
  const shared: TermWeight[] = [];
  for (const { term, weight } of small) {
    const weightInOther = other.get(term);
    if (weightInOther !== undefined) shared.push({ term, weight: weight * weightInOther });
  }
  shared.sort((x, y) => y.weight - x.weight || compareTerms(x.term, y.term));
  // Summed in the sorted order, so the cosine does not depend on profile order.
  const cosine = shared.reduce((sum, { weight }) => sum + weight, 0);
  return { cosine, terms: shared.map(({ term }) => term) };
}
