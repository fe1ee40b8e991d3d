import { packedProfiles, type Weights } from './related.packed';
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
  // The shared terms found by merging interned ids (related.packed.ts); the sort below fixes their order.
  const [packedA, packedB] = packedProfiles([a, b]);
  const shared: TermWeight[] = [];
  const [ai, bi] = [packedA.ids, packedB.ids];
  for (let i = 0, j = 0; i < ai.length && j < bi.length; ) {
    if (ai[i] < bi[j]) i++;
    else if (ai[i] > bi[j]) j++;
    else {
      const mine = a[packedA.positions[i++]];
      shared.push({ term: mine.term, weight: mine.weight * b[packedB.positions[j++]].weight });
    }
  }
  const terms = strongestFirst(shared);
  // Summed in the sorted order, so the cosine does not depend on profile order.
  const cosine = shared.reduce((sum, { weight }) => sum + weight, 0);
  return { cosine, terms };
}

/** Shared terms, each with its product of the two weights, sorted (in place) strongest first, ties by term; their names in that order. */
export function strongestFirst(shared: TermWeight[]): string[] {
  shared.sort((x, y) => y.weight - x.weight || compareTerms(x.term, y.term));
  return shared.map(({ term }) => term);
}

// Scratch for overlapCosine's products: a ranking scores 50 stories a target, and
// objects per shared term (with its name decoded) were much of a worker's garbage.
let products = new Float64Array(256);

/**
 * profileOverlap(a, b).cosine to the last bit, from interned ids, naming no
 * term: the ranking scores every story with it and names the shared terms of
 * the few it keeps (profileOverlap). The products are summed largest first,
 * as profileOverlap sums them; products that tie are equal numbers, so the
 * order among them (by term there) cannot change the sum.
 */
export function overlapCosine(a: readonly TermWeight[], b: readonly TermWeight[]): number {
  const [packedA, packedB] = packedProfiles([a, b]);
  return sharedCosine(packedA.ids, packedA.weights, 0, packedA.ids.length, packedB.ids, packedB.weights, 0, packedB.ids.length);
}

/**
 * overlapCosine over two runs of term ids ascending, aIds[aFrom, aTo) and
 * bIds[bFrom, bTo), each with its weights at the same places (as sharedDot
 * takes them): the shared terms' products summed largest first.
 */
export function sharedCosine(aIds: Int32Array, aWeights: Weights, aFrom: number, aTo: number, bIds: Int32Array, bWeights: Weights, bFrom: number, bTo: number): number {
  const most = Math.min(aTo - aFrom, bTo - bFrom);
  if (products.length < most) products = new Float64Array(most * 2);
  let count = 0;
  for (let i = aFrom, j = bFrom; i < aTo && j < bTo; ) {
    if (aIds[i] < bIds[j]) i++;
    else if (aIds[i] > bIds[j]) j++;
    else products[count++] = aWeights[i++] * bWeights[j++];
  }
  if (count > 1) products.subarray(0, count).sort();
  let cosine = 0;
  for (let k = count - 1; k >= 0; k--) cosine += products[k];
  return cosine;
}

/**
 * Only the cosine of profileOverlap, without listing the shared terms: the
 * near-duplicate check compares every pair of candidates and needs no more.
 * The products are summed largest first, as profileOverlap sums them, so both
 * give the same number whatever order the profiles are in.
 */
export function profileCosine(a: readonly TermWeight[], b: readonly TermWeight[]): number {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const other = lookupOf(large);
  const products: number[] = [];
  for (const { term, weight } of small) {
    const weightInOther = other.get(term);
    if (weightInOther !== undefined) products.push(weight * weightInOther);
  }
  products.sort((x, y) => y - x);
  let cosine = 0;
  for (const product of products) cosine += product;
  return cosine;
}

export type CosineOf = (a: readonly TermWeight[], b: readonly TermWeight[]) => number;

/**
 * profileCosine remembered per pair of profile arrays, for one indexer batch:
 * neighbouring targets share most of their candidates, so the near-duplicate
 * check meets the same pairs again and again. Made per batch and dropped
 * with it, so it never outgrows one batch's pairs.
 */
export function rememberedCosine(): CosineOf {
  const byProfile = new Map<readonly TermWeight[], Map<readonly TermWeight[], number>>();
  return (a, b) => {
    const known = byProfile.get(a)?.get(b) ?? byProfile.get(b)?.get(a);
    if (known !== undefined) return known;
    const cosine = profileCosine(a, b);
    let row = byProfile.get(a);
    if (!row) {
      row = new Map();
      byProfile.set(a, row);
    }
    row.set(b, cosine);
    return cosine;
  };
}
