import { adoptVocabularyIds, packedProfiles, packWithIds, termIdCount } from './related.packed';
import { profileOverlap } from './related.similarity';
import type { TermWeight } from './related.types';

const vocabulary = ['habari', 'mvua', 'nairobi', 'siasa', 'uchumi'];
const idOf = (term: string) => vocabulary.indexOf(term);
const profile = (...entries: Array<[string, number]>): TermWeight[] => entries.map(([term, weight]) => ({ term, weight }));
/** A profile as a ranking worker's LanguageIndex materializes it: its terms' vocabulary ids handed over. */
const withIds = (entries: TermWeight[]) => (packWithIds(entries, Int32Array.from(entries, ({ term }) => idOf(term))), entries);
const copy = (entries: TermWeight[]) => entries.map((entry) => ({ ...entry }));

describe('packed profiles with a vocabulary’s own ids', () => {
  const a = profile(['siasa', 0.8], ['nairobi', 0.5], ['habari', 0.33]);
  const b = profile(['uchumi', 0.7], ['siasa', 0.6], ['habari', 0.39]);

  it('packs with the ids handed over, and overlaps as profiles packed by their strings do', () => {
    adoptVocabularyIds(vocabulary.length);
    const [packedA, packedB] = packedProfiles([withIds(copy(a)), withIds(copy(b))]);
    expect([...packedA.ids]).toEqual([idOf('habari'), idOf('nairobi'), idOf('siasa')]);
    expect([...packedB.inOrder]).toEqual([idOf('uchumi'), idOf('siasa'), idOf('habari')]);
    expect(termIdCount()).toBe(vocabulary.length);
    const adopted = profileOverlap(withIds(copy(a)), withIds(copy(b)));
    // Strings again: a profile without ids ends the adopted generation.
    expect(profileOverlap(copy(a), copy(b))).toEqual(adopted);
    expect(adopted.terms).toEqual(['siasa', 'habari']);
  });

  it('ends the adopted generation when a profile comes without ids, and still compares rightly', () => {
    adoptVocabularyIds(vocabulary.length);
    const fromIndex = withIds(copy(a));
    const [adoptedPack] = packedProfiles([fromIndex]);
    const foreign = profile(['siasa', 0.9], ['mvua', 0.4]);
    const overlap = profileOverlap(fromIndex, foreign);
    expect(overlap.terms).toEqual(['siasa']);
    expect(overlap.cosine).toBeCloseTo(0.8 * 0.9, 12);
    const [repacked] = packedProfiles([fromIndex]);
    expect(repacked.generation).toBeGreaterThan(adoptedPack.generation);
    // Handing ids over now does nothing: the strings' generation goes on.
    const late = withIds(copy(b));
    expect(profileOverlap(late, foreign).terms).toEqual(['siasa']);
    // Interned by string in this generation: siasa, nairobi, habari, mvua, uchumi.
    expect(termIdCount()).toBe(5);
  });
});

describe('packing many profiles with ids', () => {
  it('gives each profile its own ids and weights, sorted by id, however many share a slab', () => {
    const size = 10_000;
    adoptVocabularyIds(size);
    let seed = 7;
    const next = () => (seed = (seed * 16_807) % 2_147_483_647); // Park–Miller: exact in doubles
    // 3,000 profiles of 1-120 terms, and a few longer than a slab's quarter (their own buffers).
    const lengths = [...Array.from({ length: 3_000 }, () => 1 + (next() % 120)), 5_000, 2, 9_000];
    const made = lengths.map((length, n) => {
      const ids = new Set<number>();
      while (ids.size < length) ids.add(next() % size);
      const inOrder = Int32Array.from(ids);
      const entries = [...inOrder].map((id, k) => ({ term: `t${id}`, weight: n + k / 10_000 }));
      packWithIds(entries, inOrder);
      return { entries, inOrder };
    });
    const packed = packedProfiles(made.map(({ entries }) => entries));
    made.forEach(({ entries, inOrder }, n) => {
      const { ids, weights, positions } = packed[n];
      expect([...ids]).toEqual([...inOrder].sort((x, y) => x - y));
      expect([...positions].map((at) => inOrder[at])).toEqual([...ids]);
      expect([...weights]).toEqual([...positions].map((at) => entries[at].weight));
    });
  });
});
