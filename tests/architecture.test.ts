import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The layering rules of "How it is built", checked on the source text so a
 * change that breaks them fails here rather than in review.
 */
const SRC = join(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [relative(SRC, path)] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({ path, text: readFileSync(join(SRC, path), 'utf8') }));

/** Repositories (reads) and bound write repositories, plus db/: the only code that may hold a transaction handle. */
const isRepository = (path: string) => path.startsWith('db/') || /\.repository\.ts$|[.-]writes\.ts$/.test(path);

describe('layering', () => {
  it('finds the source tree (a guard against a check that reads nothing)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some(({ path }) => path === join('articles', 'article.repository.ts'))).toBe(true);
  });

  it('keeps TypeORM handles (EntityManager, getRepository, query builders) inside repositories and db/', () => {
    const leaks = files.filter(({ path, text }) => !isRepository(path) && /\bEntityManager\b|\bgetRepository\(|\bcreateQueryBuilder\(|\.manager\b/.test(text)).map(({ path }) => path);
    expect(leaks).toEqual([]);
  });

  it('reads article rows only through src/articles (one owner, one row mapping)', () => {
    // Set-based statements that copy ids from `articles` into another table inside a write, and the
    // search index's join (filtered by articles' own publishedWhere), stay with their tables' owners.
    const allowed = new Map<string, string>([
      [join('search', 'search.repository.ts'), 'ranks ids in the index, filtered by publishedWhere'],
      [join('subscriptions', 'article-event.writes.ts'), 'INSERT ... SELECT of the event row'],
      [join('related', 'related.repository.ts'), 'INSERT ... SELECT of every published id into the queue'],
      [join('topics', 'topics.repository.ts'), 'INSERT ... SELECT of uncategorized ids into the queue'],
      [join('categories', 'category.repository.ts'), 'EXISTS: categories that have published articles'],
    ]);
    const readers = files
      .filter(({ path, text }) => !path.startsWith(`articles${'/'}`) && /\b(FROM|JOIN)\s+articles\b/i.test(text))
      .map(({ path }) => path)
      .filter((path) => !allowed.has(path));
    expect(readers).toEqual([]);
    const mappers = files.filter(({ path, text }) => !path.startsWith('articles/') && /articleFromRow|ARTICLE_(SUMMARY_)?COLUMNS/.test(text)).map(({ path }) => path);
    expect(mappers).toEqual([]);
  });

  it('builds DataLoaders only in the GraphQL layer (per request), never in services or repositories', () => {
    const builders = files.filter(({ text }) => /new DataLoader\b|byIdLoader\(|groupedLoader\(/.test(text)).map(({ path }) => path);
    expect(builders.length).toBeGreaterThan(0);
    expect(builders.filter((path) => !path.startsWith('graphql/') && !path.endsWith('.loaders.ts'))).toEqual([]);
  });

  it('keeps the related read path free of the batch indexer', () => {
    const readPath = ['related.service.ts', 'related.live-ranking.ts', 'related.resolver.ts', 'related.loaders.ts'].map((name) => files.find(({ path }) => path === join('related', name)));
    expect(readPath.every(Boolean)).toBe(true);
    for (const file of readPath) expect(file!.text).not.toMatch(/related\.(bulk-index|indexer|index-batch|index-writes)'/);
  });
});
