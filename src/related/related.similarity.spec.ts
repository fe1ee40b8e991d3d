import { overlapCosine, profileCosine, profileOverlap, rememberedCosine } from './related.similarity';

describe('profileOverlap', () => {
  const a = [{ term: 'ruto', weight: 0.8 }, { term: 'bunge', weight: 0.6 }];
  const b = [{ term: 'bunge', weight: 0.8 }, { term: 'ruto', weight: 0.36 }, { term: 'kura', weight: 0.48 }];

  it.each([
    ['shared terms, strongest contribution first', a, b, 0.6 * 0.8 + 0.8 * 0.36, ['bunge', 'ruto']],
    ['nothing shared', a, [{ term: 'simba', weight: 1 }], 0, []],
    ['an empty profile', [], a, 0, []],
    ['equal contributions ordered by term', [{ term: 'b', weight: 0.5 }, { term: 'a', weight: 0.5 }], [{ term: 'a', weight: 0.5 }, { term: 'b', weight: 0.5 }], 0.5, ['a', 'b']],
  ])('%s', (_case, x, y, cosine, terms) => {
    expect(profileOverlap(x, y)).toEqual({ cosine: expect.closeTo(cosine, 12), terms });
  });

  it('is symmetric, to the last bit', () => {
    expect(profileOverlap(a, b)).toEqual(profileOverlap(b, a));
  });
});

describe('profileCosine and overlapCosine', () => {
  it('equal profileOverlap(...).cosine to the last bit, both ways round, on 2,000 random profile pairs', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const profile = () => {
      const terms = new Map<string, number>();
      for (let n = Math.floor(random() * 40); n > 0; n -= 1) terms.set(`t${Math.floor(random() * 60)}`, Math.round(random() * 1000) / 1000);
      const norm = Math.hypot(...terms.values()) || 1;
      return [...terms].map(([term, weight]) => ({ term, weight: weight / norm }));
    };
    for (let n = 0; n < 2_000; n += 1) {
      const [x, y] = [profile(), profile()];
      const expected = profileOverlap(x, y).cosine;
      expect(profileCosine(x, y)).toBe(expected);
      expect(profileCosine(y, x)).toBe(expected);
      expect(overlapCosine(x, y)).toBe(expected);
      expect(overlapCosine(y, x)).toBe(expected);
    }
  });
});

describe('rememberedCosine', () => {
  it('gives profileCosine, computed once per pair of profiles whichever way round it is asked', () => {
    const a = [{ term: 'ruto', weight: 0.8 }, { term: 'bunge', weight: 0.6 }];
    const b = [{ term: 'bunge', weight: 1 }];
    const cosineOf = rememberedCosine();
    expect(cosineOf(a, b)).toBe(profileCosine(a, b));
    // A changed weight in the same array would show through if it were computed again.
    b[0] = { term: 'bunge', weight: 0.5 };
    expect(cosineOf(b, a)).toBe(0.6);
    expect(rememberedCosine()(b, a)).toBe(0.3);
  });
});
