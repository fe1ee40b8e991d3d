import { packedProfiles } from './related.packed';
import type { TermWeight } from './related.types';

/**
 * An expanded profile: weights by interned term id (related.packed.ts) in an
 * open-addressing table, so scoring every story against it reads typed arrays
 * instead of a string-keyed map, and building it allocates a few arrays.
 */
export class ExpandedProfile {
  /** Term ids in the order first met, and (index into them + 1) per slot; 0 is empty. */
  private ids = new Int32Array(0);
  private slots = new Int32Array(0);
  private values = new Float64Array(0);
  /**
   * Where each term was first met: which of the profiles, at which position.
   * Its name is read from there only when asked for (entries, weightOf): the
   * ranking never asks, and decoding the eleven profiles' 1,100 names for
   * every target was a large part of a ranking worker's garbage.
   */
  private fromProfile = new Int32Array(0);
  private fromPosition = new Int32Array(0);
  private mask = 0;
  private count = 0;
  private byTerm: Map<string, number> | undefined;
  private nameOf: (profile: number, position: number) => string = () => '';
  private builtFrom = 0;

  constructor(
    /** The profiles whose terms are added (by their index here). */
    profiles: ReadonlyArray<readonly TermWeight[]> = [],
    /** The term-id generation of the profiles it was built from. */
    generation = 0,
  ) {
    this.reset(
      profiles.reduce((sum, profile) => sum + profile.length, 0),
      generation,
      (profile, position) => profiles[profile][position].term,
    );
  }

  /**
   * Empties it for up to `capacity` terms of `generation`, keeping its arrays
   * when they are large enough (the bulk ranking expands a profile per target
   * with one of these); `nameOf` names the term met at a profile's position.
   */
  reset(capacity: number, generation: number, nameOf: (profile: number, position: number) => string): void {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    if (this.slots.length < size) this.slots = new Int32Array(size);
    else this.slots.fill(0, 0, size);
    if (this.ids.length < capacity) {
      this.ids = new Int32Array(capacity);
      this.values = new Float64Array(capacity);
      this.fromProfile = new Int32Array(capacity);
      this.fromPosition = new Int32Array(capacity);
    }
    this.mask = size - 1;
    this.count = 0;
    this.byTerm = undefined;
    this.nameOf = nameOf;
    this.builtFrom = generation;
  }

  /** The term-id generation of the profiles it was built from. */
  get generation(): number {
    return this.builtFrom;
  }

  get size(): number {
    return this.count;
  }

  /** Adds `value` to the weight of term `id`, profiles[profile][position] (a new term starts at 0). */
  add(id: number, value: number, profile: number, position: number): void {
    const slot = this.slotOf(id);
    const at = this.slots[slot] - 1;
    if (at >= 0) {
      this.values[at] += value;
      return;
    }
    this.slots[slot] = this.count + 1;
    this.ids[this.count] = id;
    this.fromProfile[this.count] = profile;
    this.fromPosition[this.count] = position;
    this.values[this.count++] = 0 + value;
  }

  /** Divides every weight by the L2 norm, summed in the order the terms were first met. */
  normalise(): void {
    let squares = 0;
    for (let k = 0; k < this.count; k++) squares += this.values[k] * this.values[k];
    const norm = Math.sqrt(squares);
    if (norm > 0) for (let k = 0; k < this.count; k++) this.values[k] = this.values[k] / norm;
  }

  /** The weight of a term id of this generation (0 if absent). */
  weightOfId(id: number): number {
    const at = this.slots[this.slotOf(id)] - 1;
    return at >= 0 ? this.values[at] : 0;
  }

  /** The weight of a term (0 if absent), found by name. */
  weightOf(term: string): number {
    this.byTerm ??= new Map(this.entries());
    return this.byTerm.get(term) ?? 0;
  }

  /** [term, weight] in the order the terms were first met. */
  entries(): Array<[string, number]> {
    return Array.from({ length: this.count }, (_, k) => [this.nameOf(this.fromProfile[k], this.fromPosition[k]), this.values[k]]);
  }

  private slotOf(id: number): number {
    let slot = Math.imul(id, 0x9e3779b1) & this.mask;
    for (;;) {
      const at = this.slots[slot] - 1;
      if (at < 0 || this.ids[at] === id) return slot;
      slot = (slot + 1) & this.mask;
    }
  }
}

/**
 * The target's profile widened with its nearest neighbours' profiles (Rocchio
 * pseudo-relevance feedback): target + weight × mean(neighbour profiles),
 * L2-normalised. A short article shares few words with others on its topic;
 * its closest matches bring the topic's other words in. The target keeps the
 * largest share, so same-story matches stay on top.
 */
export function expandProfile(
  target: readonly TermWeight[],
  neighbours: readonly (readonly TermWeight[])[],
  weight: number,
): ExpandedProfile {
  const profiles = neighbours.length > 0 && weight > 0 ? [target, ...neighbours] : [target];
  const packed = packedProfiles(profiles);
  const expanded = new ExpandedProfile(profiles, packed[0].generation);
  const share = weight / neighbours.length;
  profiles.forEach((profile, n) => {
    const ids = packed[n].inOrder;
    for (let k = 0; k < profile.length; k++) expanded.add(ids[k], n === 0 ? profile[k].weight : share * profile[k].weight, n, k);
  });
  expanded.normalise();
  return expanded;
}

/** Dot product of an expanded profile with an article's profile, summed in the profile's order. */
export function similarityTo(expanded: ExpandedProfile, profile: readonly TermWeight[]): number {
  const [packed] = packedProfiles([profile]);
  let sum = 0;
  if (packed.generation !== expanded.generation) {
    // Term ids started over since the expansion (a rare reset): look the terms up by name.
    for (const { term, weight } of profile) sum += weight * expanded.weightOf(term);
    return sum;
  }
  for (let k = 0; k < profile.length; k++) sum += profile[k].weight * expanded.weightOfId(packed.inOrder[k]);
  return sum;
}
