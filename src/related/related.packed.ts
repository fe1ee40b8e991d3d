import type { TermWeight } from './related.types';

/**
 * A profile's terms as integer ids, for the ranking's inner loops: comparing
 * interned ids in typed arrays allocates nothing, where string-keyed maps
 * made the near-duplicate pass most of the bulk build's time.
 */
export interface PackedProfile {
  /** Term ids ascending, and each one's weight: two profiles' dot product is one merge. */
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  /** Term ids in the profile's own order (sums in that order give the same bits as the TermWeight loops). */
  readonly inOrder: Int32Array;
  /** Where each of `ids` sits in the profile array. */
  readonly positions: Int32Array;
  /** Ids of different generations name different terms (see packedProfiles). */
  readonly generation: number;
}

// Interned ids live for the process; a server that meets millions of distinct
// terms starts over (a new generation) rather than grow without bound.
export const MAX_TERMS = 2_000_000;
let termIds = new Map<string, number>();
let generation = 0;
const packs = new WeakMap<readonly TermWeight[], PackedProfile>();

/** The id of `term` in this generation; ids are dense from 0. */
function termId(term: string): number {
  let id = termIds.get(term);
  if (id === undefined) {
    id = termIds.size;
    termIds.set(term, id);
  }
  return id;
}

/**
 * The profiles packed with ids of one generation (each profile array is
 * packed once; profiles are not changed after they are built).
 */
export function packedProfiles(profiles: ReadonlyArray<readonly TermWeight[]>): PackedProfile[] {
  const packed = profiles.map(packedProfile);
  // Ids from before a new generation began mean other terms: pack again (a fresh generation has room).
  return packed.some((one) => one.generation !== generation) ? profiles.map(packedProfile) : packed;
}

function packedProfile(profile: readonly TermWeight[]): PackedProfile {
  const known = packs.get(profile);
  if (known && known.generation === generation) return known;
  if (termIds.size + profile.length > MAX_TERMS) {
    termIds = new Map();
    generation += 1;
  }
  const inOrder = new Int32Array(profile.length);
  for (let k = 0; k < profile.length; k++) inOrder[k] = termId(profile[k].term);
  const packed = pack(profile, inOrder);
  packs.set(profile, packed);
  return packed;
}

/** Positions below this fit in a sort key beside the term id (ids are below 2^31: the key stays under 2^53). */
const POSITIONS = 2 ** 20;
let sortKeys = new Float64Array(128);

function pack(profile: readonly TermWeight[], inOrder: Int32Array): PackedProfile {
  const n = profile.length;
  const [ids, weights, positions] = [new Int32Array(n), new Float64Array(n), new Int32Array(n)];
  if (n < POSITIONS) {
    // One numeric sort of id·2^20 + position: an array of positions sorted with a comparator was a
    // tenth of a ranking worker's time.
    if (sortKeys.length < n) sortKeys = new Float64Array(n * 2);
    const keys = sortKeys.subarray(0, n);
    for (let k = 0; k < n; k++) keys[k] = inOrder[k] * POSITIONS + k;
    keys.sort();
    for (let to = 0; to < n; to++) positions[to] = keys[to] % POSITIONS;
  } else {
    positions.set(Array.from(inOrder.keys()).sort((x, y) => inOrder[x] - inOrder[y]));
  }
  for (let to = 0; to < n; to++) {
    ids[to] = inOrder[positions[to]];
    weights[to] = profile[positions[to]].weight;
  }
  return { ids, weights, inOrder, positions, generation };
}

/** Σ a_t·b_t over shared terms, in term-id order (so within rounding of profileCosine, not equal to it). */
export function packedDot(a: PackedProfile, b: PackedProfile): number {
  return sharedDot(a.ids, a.weights, 0, a.ids.length, b.ids, b.weights, 0, b.ids.length);
}

/** Term weights beside their ids: 64-bit in packed profiles, 32-bit in the bulk build's index (the same numbers). */
export type Weights = Float32Array | Float64Array;

/**
 * packedDot over two runs of term ids ascending, aIds[aFrom, aTo) and
 * bIds[bFrom, bTo), each with its weights at the same places: packed
 * profiles, or two articles of the bulk build's index (related.memory-ranking.ts).
 */
export function sharedDot(aIds: Int32Array, aWeights: Weights, aFrom: number, aTo: number, bIds: Int32Array, bWeights: Weights, bFrom: number, bTo: number): number {
  let i = aFrom;
  let j = bFrom;
  let sum = 0;
  while (i < aTo && j < bTo) {
    const x = aIds[i];
    const y = bIds[j];
    if (x === y) sum += aWeights[i++] * bWeights[j++];
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
