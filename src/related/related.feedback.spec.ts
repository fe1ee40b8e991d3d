import { expandProfile, similarityTo, type ExpandedProfile } from './related.feedback';
import type { TermWeight } from './related.types';

const norm = (expanded: ExpandedProfile) => Math.hypot(...expanded.entries().map(([, weight]) => weight));

describe('expandProfile', () => {
  const target = [{ term: 'ruto', weight: 0.8 }, { term: 'bunge', weight: 0.6 }];

  it('is the target itself without neighbours or without weight', () => {
    expect(expandProfile(target, [], 2).entries()).toEqual([['ruto', 0.8], ['bunge', 0.6]]);
    expect(expandProfile(target, [[{ term: 'kura', weight: 1 }]], 0).entries()).toEqual([['ruto', 0.8], ['bunge', 0.6]]);
  });

  it('adds weight × the neighbours\' mean profile, then normalises', () => {
    const expanded = expandProfile(target, [[{ term: 'kura', weight: 1 }], [{ term: 'bunge', weight: 1 }]], 2);
    // ruto 0.8, bunge 0.6 + 1, kura 1 before normalising
    const length = Math.hypot(0.8, 1.6, 1);
    expect(expanded.weightOf('ruto')).toBeCloseTo(0.8 / length, 12);
    expect(expanded.weightOf('bunge')).toBeCloseTo(1.6 / length, 12);
    expect(expanded.weightOf('kura')).toBeCloseTo(1 / length, 12);
    expect(norm(expanded)).toBeCloseTo(1, 12);
  });

  it('copes with an empty target', () => {
    expect(expandProfile([], [], 2).size).toBe(0);
  });
});

describe('similarityTo', () => {
  it('is the dot product over shared terms', () => {
    const expanded = expandProfile([{ term: 'a', weight: 0.6 }, { term: 'b', weight: 0.8 }], [], 2);
    expect(similarityTo(expanded, [{ term: 'b', weight: 0.5 }, { term: 'c', weight: 0.5 }])).toBeCloseTo(0.4, 12);
    expect(similarityTo(expanded, [])).toBe(0);
  });
});

describe('expandProfile and similarityTo on interned ids', () => {
  // The string-keyed versions they replaced: the same sums in the same order, so the same bits.
  const mapExpand = (target: readonly TermWeight[], neighbours: readonly (readonly TermWeight[])[], weight: number) => {
    const expanded = new Map<string, number>();
    for (const { term, weight: w } of target) expanded.set(term, w);
    if (neighbours.length > 0 && weight > 0) {
      for (const profile of neighbours) for (const { term, weight: w } of profile) expanded.set(term, (expanded.get(term) ?? 0) + (weight / neighbours.length) * w);
    }
    const length = Math.sqrt([...expanded.values()].reduce((sum, w) => sum + w * w, 0));
    if (length > 0) for (const [term, w] of expanded) expanded.set(term, w / length);
    return expanded;
  };
  const mapSimilarity = (expanded: ReadonlyMap<string, number>, profile: readonly TermWeight[]) =>
    profile.reduce((sum, { term, weight }) => sum + weight * (expanded.get(term) ?? 0), 0);

  it('give the string-keyed results to the last bit on 300 random targets', () => {
    let seed = 5;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const profile = (): TermWeight[] => {
      const terms = new Map<string, number>();
      for (let n = Math.floor(random() * 80); n > 0; n--) terms.set(`w${Math.floor(random() * 300)}`, random());
      const length = Math.hypot(...terms.values()) || 1;
      return [...terms].map(([term, weight]) => ({ term, weight: weight / length }));
    };
    for (let run = 0; run < 300; run++) {
      const [target, neighbours, others] = [profile(), Array.from({ length: Math.floor(random() * 11) }, profile), Array.from({ length: 10 }, profile)];
      const weight = run % 7 === 0 ? 0 : 2;
      const [fast, slow] = [expandProfile(target, neighbours, weight), mapExpand(target, neighbours, weight)];
      expect(fast.entries()).toEqual([...slow]);
      for (const other of others) expect(similarityTo(fast, other)).toBe(mapSimilarity(slow, other));
    }
  });
});
