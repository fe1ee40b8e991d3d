import { ArticleColumns, type IndexedArticle } from './related.article-columns';

const article = (id: number, overrides: Partial<IndexedArticle> = {}): IndexedArticle => ({
  id,
  language: 'sw',
  categoryId: 3,
  sourceId: 9,
  tags: [],
  publishedAt: new Date(Date.UTC(2026, 10, id % 28)),
  contentHash: `hash-${id}`,
  title: `Habari ${id}`,
  published: true,
  ...overrides,
});

describe('ArticleColumns', () => {
  it.each<[string, IndexedArticle]>([
    ['a plain article', article(1)],
    ['no category, source or date', article(2, { categoryId: null, sourceId: null, publishedAt: null })],
    ['no content hash', article(3, { contentHash: undefined })],
    ['unpublished', article(4, { published: false })],
    ['tags with commas, quotes and Ge\u02bcez', article(5, { tags: ['Addis Ababa, Ethiopia', 'say "hi"', 'ኢትዮጵያ'] })],
    ['an Amharic title', article(6, { language: 'am', title: 'የኢትዮጵያ ጠቅላይ ሚኒስትር ዛሬ ተናገሩ' })],
    ['an empty title', article(7, { title: '' })],
    ['a title with emoji and a flag', article(8, { title: 'Goli ⚽ 🇰🇪 dakika ya 90' })],
  ])('gives back %s as it was pushed', (_, pushed) => {
    const columns = new ArticleColumns(1);
    columns.push(article(0));
    columns.push(pushed);
    columns.push(article(100));
    expect(columns.article(1)).toEqual(pushed);
    expect(columns.isPublished(1)).toBe(pushed.published);
  });

  it('grows past what it expected, and a worker reads the same articles from its parts', () => {
    const columns = new ArticleColumns(4);
    const pushed = Array.from({ length: 3_000 }, (_, i) => article(2 * i + 1, { title: 'ሰላም '.repeat(i % 50), tags: i % 3 ? [`t${i}`] : [] }));
    for (const one of pushed) columns.push(one);
    const inWorker = ArticleColumns.fromParts(columns.parts());
    expect(inWorker.length).toBe(3_000);
    expect(pushed.map((_, position) => inWorker.article(position))).toEqual(pushed);
    expect(columns.parts().ids.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(columns.parts().text.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it.each([
    [1, 0],
    [7, 3],
    [19, 9],
    [0, undefined],
    [8, undefined],
    [21, undefined],
  ])('finds id %d at position %s', (id, position) => {
    const columns = new ArticleColumns();
    for (let i = 0; i < 10; i++) columns.push(article(2 * i + 1));
    expect(columns.positionOf(id)).toBe(position);
  });

  it('finds nothing in an empty index', () => {
    expect(new ArticleColumns().positionOf(1)).toBeUndefined();
  });

  it('refuses ids out of order', () => {
    const columns = new ArticleColumns();
    columns.push(article(5));
    expect(() => columns.push(article(5))).toThrow(/ids must ascend \(5 after 5\)/);
    expect(() => columns.push(article(4))).toThrow(/ids must ascend/);
  });
});
