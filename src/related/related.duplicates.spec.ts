import { isNearDuplicate, nearDuplicateGroups } from './related.duplicates';
import type { TermWeight } from './related.types';

const unit = (entries: [string, number][]): TermWeight[] => {
  const length = Math.hypot(...entries.map(([, w]) => w));
  return entries.map(([term, weight]) => ({ term, weight: weight / length }));
};
const item = (title: string, profile: TermWeight[], contentHash?: string) => ({ language: 'sw' as const, title, profile, contentHash });

const storyA = unit([['ruto', 5], ['bunge', 4], ['spika', 3], ['kura', 1]]);
const storyA2 = unit([['ruto', 5], ['bunge', 4], ['spika', 3], ['mkutano', 1]]); // a light re-edit
const storyB = unit([['simba', 5], ['yanga', 4], ['goli', 3]]);

describe('isNearDuplicate', () => {
  it.each([
    ['the same content hash', item('One', storyA, 'h1'), item('Two', storyB, 'h1'), true],
    ['different content hashes, different stories', item('One', storyA, 'h1'), item('Two', storyB, 'h2'), false],
    ['the same title after normalising', item('Kenya: Ruto ashinda!', storyA), item('KENYA – Ruto ashinda', storyB), true],
    ['empty titles are not the same story', item('', storyA), item('?!', storyB), false],
    ['profiles above the threshold', item('One', storyA), item('Two', storyA2), true],
    ['profiles below the threshold', item('One', storyA), item('Two', storyB), false],
    ['missing hashes are not equal', item('One', storyA, undefined), item('Two', storyB, undefined), false],
  ])('%s -> %s', (_case, a, b, expected) => {
    expect(isNearDuplicate(a, b, 0.9)).toBe(expected);
    expect(isNearDuplicate(b, a, 0.9)).toBe(expected);
  });
});

describe('nearDuplicateGroups', () => {
  it('groups copies transitively under the first member', () => {
    const items = [
      item('Simba yashinda', storyB), // 0
      item('Ruto ashinda', storyA, 'h'), // 1
      item('Other title', storyB, 'x'), // 2: profile copy of 0
      item('Ruto ashinda tena', storyA2), // 3: profile copy of 1
      item('Ruto ashinda tena', unit([['bei', 1]])), // 4: title copy of 3
      item('Unrelated', unit([['mvua', 1]]), 'h'), // 5: hash copy of 1
      item('Alone', unit([['nyuki', 1]])), // 6
    ];
    expect(nearDuplicateGroups(items, 0.9)).toEqual([0, 1, 0, 1, 1, 1, 6]);
  });

  it('finds every profile pair at or above the threshold (prefix filter is exact)', () => {
    // Random profiles: the grouping must match a brute-force pairwise check.
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const vocabulary = Array.from({ length: 12 }, (_, i) => `t${i}`);
    const items = Array.from({ length: 60 }, (_, i) =>
      item(`title ${i}`, unit(vocabulary.filter(() => random() < 0.4).map((term) => [term, 0.1 + random()] as [string, number]))),
    ).filter(({ profile }) => profile.length > 0);
    for (const threshold of [0.6, 0.8, 0.9]) {
      const groups = nearDuplicateGroups(items, threshold);
      for (let a = 0; a < items.length; a++) {
        for (let b = a + 1; b < items.length; b++) {
          if (isNearDuplicate(items[a], items[b], threshold)) expect(groups[a]).toBe(groups[b]);
        }
      }
    }
  });

  it('returns an empty grouping for no items', () => {
    expect(nearDuplicateGroups([], 0.9)).toEqual([]);
  });
});
