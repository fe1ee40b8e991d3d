import { ArticleStatus } from '../src/articles/article.enums';
import { openCore, type Core } from '../src/composition-root';
import { SearchRepository } from '../src/search/search.repository';
import { createTestDatabase, testConfig, type TestDatabase } from './helpers/test-database';

/**
 * Relevance is scored over the newest `rankWindow` matches only (see
 * SearchRepository.rank): a query matching most of a large archive stays
 * fast. Below the window every match is ranked.
 */
describe('search ranks within a window of the newest matches', () => {
  let db: TestDatabase;
  let core: Core;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    core = await openCore(testConfig(db.database));
    // Oldest first: the oldest mentions "twiga" three times in its title and body, the newer ones once.
    const texts: Array<[string, string]> = [
      ['Twiga twiga twiga wa Serengeti', 'Twiga twiga twiga wengi walionekana leo.'],
      ['Habari za soko la twiga', 'Wafanyabiashara walizungumza kuhusu bei.'],
      ['Mvua kubwa na twiga', 'Mvua ilinyesha usiku kucha mjini.'],
      ['Twiga kwenye picha ya shule', 'Wanafunzi walichora picha nzuri.'],
    ];
    for (const [title, text] of texts) {
      const written = await core.repositories.writes.transaction((tx) =>
        core.services.writer.upsert(tx, {
          language: 'sw',
          title,
          body: [{ type: 'PARAGRAPH', text }],
          status: ArticleStatus.PUBLISHED,
          category: { name: 'Mazingira' },
          source: { name: 'Mfano' },
          tags: [],
        }),
      );
      ids[title] = written.article.id;
    }
  });
  afterAll(async () => {
    await core?.close();
    await db?.drop();
  });

  const ranked = (window: number) => new SearchRepository(core.dataSource, { rankWindow: window }).rank(['twiga'], { language: 'sw' }, 10, 0);

  it('ranks every match by relevance when they fit in the window', async () => {
    const all = await ranked(10);
    expect(all).toHaveLength(4);
    expect(all[0].id).toBe(ids['Twiga twiga twiga wa Serengeti']);
  });

  it('scores only the newest matches when there are more than the window holds', async () => {
    const newest = await ranked(3);
    expect(newest.map(({ id }) => id).sort((a, b) => a - b)).toEqual(
      ['Habari za soko la twiga', 'Mvua kubwa na twiga', 'Twiga kwenye picha ya shule'].map((title) => ids[title]).sort((a, b) => a - b),
    );
    expect(newest.map(({ id }) => id)).not.toContain(ids['Twiga twiga twiga wa Serengeti']);
  });
});
