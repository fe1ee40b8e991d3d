import { Backlog } from './related.backlog';

describe('Backlog', () => {
  const filled = () => {
    const backlog = new Backlog();
    const rows: Array<[number, string, boolean]> = [
      [2, 'sw', true],
      [3, 'am', false],
      [5, 'sw', false],
      [8, 'en', true],
      [13, 'am', true],
    ];
    for (const [id, language, cascade] of rows) backlog.push({ articleId: id, cascade, enqueuedAt: 1_764_000_000_000 + id }, language);
    return backlog;
  };

  it('gives each language’s entries back in id order, as they were pushed', () => {
    const backlog = filled();
    expect(backlog.length).toBe(5);
    expect(backlog.languages()).toEqual(['am', 'en', 'sw']);
    expect(backlog.entries(backlog.positionsOf('am'))).toEqual([
      { articleId: 3, cascade: false, enqueuedAt: 1_764_000_000_003, language: 'am' },
      { articleId: 13, cascade: true, enqueuedAt: 1_764_000_000_013, language: 'am' },
    ]);
    expect(backlog.entries(backlog.positionsOf('sw')).map((entry) => entry.articleId)).toEqual([2, 5]);
    expect([...backlog.positionsOf('so')]).toEqual([]);
  });

  it.each([
    [2, undefined, true],
    [13, undefined, true],
    [4, undefined, false],
    [1, undefined, false],
    [14, undefined, false],
    [8, 'en', true],
    [8, 'sw', false],
    [4, 'sw', false],
  ])('has(%d, %s) is %s', (id, language, expected) => {
    expect(filled().has(id, language)).toBe(expected);
  });

  it('grows past its first arrays', () => {
    const backlog = new Backlog();
    for (let id = 1; id <= 5_000; id++) backlog.push({ articleId: id * 2, cascade: id % 2 === 0, enqueuedAt: id }, id % 3 ? 'ha' : 'so');
    expect(backlog.positionsOf('so').length).toBe(1_666);
    expect(backlog.has(10_000, 'ha')).toBe(true);
    expect(backlog.has(9_999)).toBe(false);
  });

  it('refuses ids out of order', () => {
    const backlog = filled();
    expect(() => backlog.push({ articleId: 13, cascade: false, enqueuedAt: 0 }, 'sw')).toThrow(/ids must ascend \(13 after 13\)/);
  });
});
