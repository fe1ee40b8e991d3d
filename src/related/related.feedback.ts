import type { TermWeight } from './related.types';

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
): ReadonlyMap<string, number> {
  const expanded = new Map<string, number>();
  for (const { term, weight: w } of target) expanded.set(term, w);
  if (neighbours.length > 0 && weight > 0) {
    const share = weight / neighbours.length;
    for (const profile of neighbours) {
      for (const { term, weight: w } of profile) expanded.set(term, (expanded.get(term) ?? 0) + share * w);
    }
  }
  const norm = Math.sqrt([...expanded.values()].reduce((sum, w) => sum + w * w, 0));
  if (norm > 0) for (const [term, w] of expanded) expanded.set(term, w / norm);
  return expanded;
}

/** Dot product of an expanded profile with an article's profile. */
export function similarityTo(expanded: ReadonlyMap<string, number>, profile: readonly TermWeight[]): number {
  let sum = 0;
  for (const { term, weight } of profile) sum += weight * (expanded.get(term) ?? 0);
  return sum;
}
