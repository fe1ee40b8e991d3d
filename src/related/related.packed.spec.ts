import { packedDot, packedProfiles } from './related.packed';
import type { TermWeight } from './related.types';

const profile = (...entries: Array<[string, number]>): TermWeight[] => entries.map(([term, weight]) => ({ term, weight }));

describe('packed profiles', () => {
  it('gives each profile its terms’ ids ascending, where each sits in the profile, and its weights; a shared term has one id', () => {
    const a = profile(['siasa', 0.8], ['nairobi', 0.5], ['habari', 0.33]);
    const b = profile(['uchumi', 0.7], ['siasa', 0.6], ['habari', 0.39]);
    const [packedA, packedB] = packedProfiles([a, b]);
    for (const [packed, entries] of [[packedA, a], [packedB, b]] as const) {
      expect([...packed.ids]).toEqual([...packed.ids].sort((x, y) => x - y));
      expect([...packed.positions].map((at) => packed.inOrder[at])).toEqual([...packed.ids]);
      expect([...packed.weights]).toEqual([...packed.positions].map((at) => entries[at].weight));
    }
    const idOf = (packed: typeof packedA, entries: TermWeight[], term: string) => packed.inOrder[entries.findIndex((entry) => entry.term === term)];
    expect(idOf(packedA, a, 'siasa')).toBe(idOf(packedB, b, 'siasa'));
    expect(idOf(packedA, a, 'habari')).toBe(idOf(packedB, b, 'habari'));
    expect(packedDot(packedA, packedB)).toBeCloseTo(0.8 * 0.6 + 0.33 * 0.39, 12);
  });

  it('packs a profile array once', () => {
    const a = profile(['mvua', 1]);
    expect(packedProfiles([a])[0]).toBe(packedProfiles([a])[0]);
  });
});
