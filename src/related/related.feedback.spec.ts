import { expandProfile, similarityTo } from './related.feedback';

const norm = (map: ReadonlyMap<string, number>) => Math.hypot(...map.values());

describe('expandProfile', () => {
  const target = [{ term: 'ruto', weight: 0.8 }, { term: 'bunge', weight: 0.6 }];

  it('is the target itself without neighbours or without weight', () => {
    expect([...expandProfile(target, [], 2)]).toEqual([['ruto', 0.8], ['bunge', 0.6]]);
    expect([...expandProfile(target, [[{ term: 'kura', weight: 1 }]], 0)]).toEqual([['ruto', 0.8], ['bunge', 0.6]]);
  });

  it('adds weight × the neighbours\' mean profile, then normalises', () => {
    const expanded = expandProfile(target, [[{ term: 'kura', weight: 1 }], [{ term: 'bunge', weight: 1 }]], 2);
    // ruto 0.8, bunge 0.6 + 1, kura 1 before normalising
    const length = Math.hypot(0.8, 1.6, 1);
    expect(expanded.get('ruto')).toBeCloseTo(0.8 / length, 12);
    expect(expanded.get('bunge')).toBeCloseTo(1.6 / length, 12);
    expect(expanded.get('kura')).toBeCloseTo(1 / length, 12);
    expect(norm(expanded)).toBeCloseTo(1, 12);
  });

  it('copes with an empty target', () => {
    expect(expandProfile([], [], 2).size).toBe(0);
  });
});

describe('similarityTo', () => {
  it('is the dot product over shared terms', () => {
    const expanded = new Map([['a', 0.6], ['b', 0.8]]);
    expect(similarityTo(expanded, [{ term: 'b', weight: 0.5 }, { term: 'c', weight: 0.5 }])).toBeCloseTo(0.4, 12);
    expect(similarityTo(expanded, [])).toBe(0);
  });
});
