import { ProfileCache } from './related.profile-cache';

const profile = (...terms: string[]) => terms.map((term, index) => ({ term, weight: 1 / (index + 1) }));

describe('ProfileCache', () => {
  it('answers a profile only while its indexed_at still matches', () => {
    const cache = new ProfileCache(100);
    cache.set(1, 10, profile('siasa', 'bunge'));
    expect(cache.get(1, 10)).toEqual([
      { term: 'siasa', weight: 1 },
      { term: 'bunge', weight: 0.5 },
    ]);
    expect(cache.get(1, 11)).toBeUndefined();
    expect(cache.get(2, 10)).toBeUndefined();
  });

  it('evicts the least recently used profiles once it holds more terms than its bound', () => {
    const cache = new ProfileCache(5);
    cache.set(1, 1, profile('a', 'b'));
    cache.set(2, 1, profile('c', 'd'));
    expect(cache.get(1, 1)).toBeDefined(); // 1 is now more recent than 2
    cache.set(3, 1, profile('e', 'f'));
    expect(cache.get(2, 1)).toBeUndefined();
    expect(cache.get(1, 1)).toBeDefined();
    expect(cache.get(3, 1)).toBeDefined();
    expect(cache.size).toBe(2);
  });
});
