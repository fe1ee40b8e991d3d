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
/** While a vocabulary's ids are adopted (adoptVocabularyIds): its size; ids then come with the profiles. */
let adoptedSize: number | null = null;
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

/** How many term ids exist: scratch arrays indexed by id need this length. */
export function termIdCount(): number {
  return adoptedSize ?? termIds.size;
}

/**
 * Starts a generation whose ids are a vocabulary's own (0 to size - 1): a
 * bulk build's ranking worker, whose LanguageIndex already holds every
 * profile as term ids, hands them over with packWithIds instead of this
 * module interning millions of strings again (a Map of up to MAX_TERMS
 * strings per worker, and most of the packing's CPU). A profile that comes
 * without ids ends the generation: strings are interned from scratch, so
 * ids of the two kinds never meet.
 */
export function adoptVocabularyIds(size: number): void {
  termIds = new Map();
  generation += 1;
  adoptedSize = size;
}

/**
 * Packs `profile` with the adopted vocabulary's ids of its terms, in its own
 * order (see adoptVocabularyIds); once that generation has ended, the
 * profile is left to be packed by its strings. `inOrder` is kept as given
 * (a view of the index's own array: nothing copied) and must not change.
 */
export function packWithIds(profile: readonly TermWeight[], inOrder: Int32Array): void {
  if (adoptedSize !== null) packs.set(profile, pack(profile, inOrder, slabbed));
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
  if (adoptedSize !== null || termIds.size + profile.length > MAX_TERMS) {
    termIds = new Map();
    generation += 1;
    adoptedSize = null;
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

/** Where pack's arrays are allocated. */
interface Arrays {
  int32(length: number): Int32Array;
  float64(length: number): Float64Array;
}

/** Each array its own buffer: the server's profiles live in caches for long and one by one. */
const separate: Arrays = { int32: (length) => new Int32Array(length), float64: (length) => new Float64Array(length) };

/**
 * A ranking worker packs every candidate it meets (50 a target) and drops
 * them a cache-full at a time: each array its own buffer meant three
 * off-heap allocations per candidate, and the collector's time went to them.
 * Here they are views of 64 KB slabs (about 30 profiles each), let go
 * together with the profiles that use them.
 */
const SLAB_BYTES = 64 * 1024;
let slab = new ArrayBuffer(0);
let slabUsed = 0;
function carve(bytes: number): [ArrayBuffer, number] {
  const rounded = (bytes + 7) & ~7; // Float64Array views start at multiples of 8
  if (rounded > SLAB_BYTES / 4) return [new ArrayBuffer(rounded), 0];
  if (slabUsed + rounded > slab.byteLength) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
  }
  slabUsed += rounded;
  return [slab, slabUsed - rounded];
}
const slabbed: Arrays = {
  int32: (length) => new Int32Array(...carve(length * 4), length),
  float64: (length) => new Float64Array(...carve(length * 8), length),
};

function pack(profile: readonly TermWeight[], inOrder: Int32Array, arrays: Arrays = separate): PackedProfile {
  const n = profile.length;
  const [ids, weights, positions] = [arrays.int32(n), arrays.float64(n), arrays.int32(n)];
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
  const ai = a.ids;
  const bi = b.ids;
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i];
    const y = bi[j];
    if (x === y) sum += a.weights[i++] * b.weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
