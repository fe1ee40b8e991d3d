import { profileOverlap } from './related.similarity';

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
