import { buildTermProfile, compareTerms } from './related.profile';

const settings = { maxDocumentShare: 0.5, minDocumentsForShareCut: 20, minDocumentFrequency: 1 };
const dfFrom = (table: Record<string, number>) => (term: string) => table[term] ?? 0;
const norm = (profile: { weight: number }[]) => Math.sqrt(profile.reduce((sum, { weight }) => sum + weight * weight, 0));

describe('buildTermProfile', () => {
  it('weights (1 + ln tf) × idf, highest first, L2-normalised', () => {
    // Worked by hand, N = 100, idf = ln(101 / (df + 1)) + 1: idf(2) = 4.5165, idf(50) = 1.6833;
    // raw ruto (1 + ln 2) × 4.5165 = 7.6471, bunge 4.5165, kenya 1.6833; length 9.0394.
    const profile = buildTermProfile(['ruto', 'ruto', 'bunge', 'kenya'], dfFrom({ ruto: 2, bunge: 2, kenya: 50 }), 100, 10, settings);
    expect(profile.map(({ term }) => term)).toEqual(['ruto', 'bunge', 'kenya']);
    expect(profile.map(({ weight }) => weight)).toEqual([expect.closeTo(0.846, 3), expect.closeTo(0.4996, 3), expect.closeTo(0.1862, 3)]);
    expect(norm(profile)).toBeCloseTo(1, 6);
  });

  it('gives 32-bit weights, ordered as readers sort them', () => {
    // The bulk build holds weights in a Float32Array: a 64-bit weight would rank differently there.
    const tokens = Array.from({ length: 300 }, (_, n) => `t${n % 97}`.repeat(1 + (n % 3)));
    const profile = buildTermProfile(tokens, (term) => term.length, 1_000, 50, settings);
    expect(profile.length).toBe(50);
    expect(profile.every(({ weight }) => Math.fround(weight) === weight)).toBe(true);
    const sorted = [...profile].sort((a, b) => b.weight - a.weight || compareTerms(a.term, b.term));
    expect(profile).toEqual(sorted);
  });

  it('keeps the k strongest terms and normalises after cutting', () => {
    const profile = buildTermProfile(['a', 'b', 'c', 'd'], dfFrom({ a: 1, b: 2, c: 3, d: 4 }), 100, 2, settings);
    expect(profile.map(({ term }) => term)).toEqual(['a', 'b']);
    expect(norm(profile)).toBeCloseTo(1, 6);
  });

  it('breaks equal weights by term, in code-unit order, whatever the token order', () => {
    const df = dfFrom({ zeta: 2, alpha: 2, 'ɓata': 2, Beta: 2 });
    const one = buildTermProfile(['zeta', 'alpha', 'ɓata', 'Beta'], df, 10, 3, settings);
    const two = buildTermProfile(['Beta', 'ɓata', 'alpha', 'zeta'], df, 10, 3, settings);
    expect(one).toEqual(two);
    expect(one.map(({ term }) => term)).toEqual(['Beta', 'alpha', 'zeta']);
  });

  it('gives a term the corpus has never seen the highest idf', () => {
    const profile = buildTermProfile(['new', 'old'], dfFrom({ new: 0, old: 3 }), 100, 10, settings);
    expect(profile[0].term).toBe('new');
  });

  it('reads a df below 1 as 1: the article itself has the term', () => {
    const unseen = buildTermProfile(['new', 'old'], dfFrom({ new: 0, old: 3 }), 100, 10, settings);
    const counted = buildTermProfile(['new', 'old'], dfFrom({ new: 1, old: 3 }), 100, 10, settings);
    expect(unseen).toEqual(counted);
  });

  it('leaves out terms in more than maxDocumentShare of a large enough corpus', () => {
    const df = dfFrom({ common: 60, rare: 2 });
    expect(buildTermProfile(['common', 'rare'], df, 100, 10, settings).map(({ term }) => term)).toEqual(['rare']);
    // Too few articles to tell what is common: nothing is cut.
    expect(buildTermProfile(['common', 'rare'], dfFrom({ common: 9, rare: 2 }), 10, 10, settings).map(({ term }) => term)).toEqual(['rare', 'common']);
  });

  it('leaves out terms in fewer than minDocumentFrequency articles', () => {
    const profile = buildTermProfile(['only', 'shared'], dfFrom({ only: 1, shared: 3 }), 100, 10, { ...settings, minDocumentFrequency: 2 });
    expect(profile.map(({ term }) => term)).toEqual(['shared']);
  });

  it.each([
    ['no tokens', [], 100, 10, []],
    ['k of zero', ['a'], 100, 0, []],
    ['an empty corpus', ['a'], 0, 10, [{ term: 'a', weight: 1 }]],
  ])('copes with %s', (_case, tokens, totalDocs, k, expected) => {
    expect(buildTermProfile(tokens, dfFrom({}), totalDocs, k, settings)).toEqual(expected);
  });

  it('clamps a df above the corpus size instead of producing negative weights', () => {
    const profile = buildTermProfile(['a', 'b'], dfFrom({ a: 500, b: 1 }), 10, 10, settings);
    expect(profile.every(({ weight }) => weight > 0)).toBe(true);
  });
});

describe('compareTerms', () => {
  it('orders by code unit, not by locale', () => {
    expect(['b', 'a', 'B', 'é', 'e'].sort(compareTerms)).toEqual(['B', 'a', 'b', 'e', 'é']);
  });
});
