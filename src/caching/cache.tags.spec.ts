import { scopeTag, scopeTagsCovering, tagsForChange, type ArticleChangeFacts } from './cache.tags';

const sw = { language: 'sw', categorySlug: 'siasa', sourceSlug: 'bbc' };
const families = (scope: typeof sw) => ['list', 'search', 'changes'].flatMap((f) => scopeTagsCovering(f as 'list', scope));

describe('scopeTag / scopeTagsCovering', () => {
  it.each([
    [{}, 'list:*:*:*'],
    [{ language: 'sw' }, 'list:sw:*:*'],
    [{ categorySlug: 'siasa' }, 'list:*:siasa:*'],
    [{ language: 'sw', sourceSlug: 'bbc' }, 'list:sw:*:bbc'],
    [{ language: null, categorySlug: '', sourceSlug: undefined }, 'list:*:*:*'],
  ])('the tag of a list read with %j is %s', (scope, tag) => {
    expect(scopeTag('list', scope)).toBe(tag);
  });

  it('an article is covered by every filter made of its own values or "any": 8 for a full scope', () => {
    const tags = scopeTagsCovering('list', sw);
    expect(tags).toHaveLength(8);
    for (const filter of [{}, { language: 'sw' }, { categorySlug: 'siasa' }, { sourceSlug: 'bbc' }, sw, { language: 'sw', categorySlug: 'siasa' }]) {
      expect(tags).toContain(scopeTag('list', filter));
    }
    for (const other of [{ language: 'en' }, { categorySlug: 'uchumi' }, { language: 'sw', sourceSlug: 'dw' }]) {
      expect(tags).not.toContain(scopeTag('list', other));
    }
  });

  it('an article without category or source is covered only by filters that do not ask for one', () => {
    expect(scopeTagsCovering('search', { language: 'ha' })).toEqual(['search:ha:*:*', 'search:*:*:*']);
  });
});

describe('tagsForChange', () => {
  const cases: Array<[string, ArticleChangeFacts, string[], string[]]> = [
    [
      'publish: its article, its scopes, category and source lists, empty lookups',
      { kind: 'PUBLISHED', articleId: 7, scope: sw },
      ['article:7', ...families(sw), 'related:sw', 'categories:sw', 'categories:*', 'sources', 'lookup:sw', 'lookup:node', 'lookup:category', 'lookup:source'],
      ['list:en:*:*', 'categories:en', 'lookup:en', 'article:8'],
    ],
    [
      'update in place: its article and its scopes only',
      { kind: 'UPDATED', articleId: 7, scope: sw, previous: sw },
      ['article:7', ...families(sw), 'related:sw'],
      ['categories:sw', 'categories:*', 'sources', 'lookup:sw', 'lookup:node', 'list:*:uchumi:*'],
    ],
    [
      'update that moves category: the old scopes too, category lists, and lookups',
      { kind: 'UPDATED', articleId: 7, scope: { ...sw, categorySlug: 'uchumi' }, previous: sw },
      ['article:7', 'list:*:uchumi:*', 'list:*:siasa:*', 'list:sw:siasa:bbc', 'changes:*:siasa:*', 'categories:sw', 'categories:*', 'lookup:category'],
      ['list:en:*:*', 'categories:en'],
    ],
    [
      'unpublish: its article, where it was, category and source lists; no lookups',
      { kind: 'UNPUBLISHED', articleId: 7, scope: sw, previous: sw },
      ['article:7', ...families(sw), 'categories:sw', 'categories:*', 'sources'],
      ['lookup:sw', 'lookup:node', 'list:en:*:*'],
    ],
    [
      'a language move drops both languages',
      { kind: 'UPDATED', articleId: 9, scope: { language: 'en' }, previous: { language: 'sw' } },
      ['list:en:*:*', 'list:sw:*:*', 'related:en', 'related:sw', 'categories:en', 'categories:sw'],
      ['list:fr:*:*'],
    ],
  ];
  it.each(cases)('%s', (_name, change, touched, untouched) => {
    const tags = tagsForChange(change);
    for (const tag of touched) expect(tags).toContain(tag);
    for (const tag of untouched) expect(tags).not.toContain(tag);
    expect(new Set(tags).size).toBe(tags.length);
  });
});
