import fs from 'node:fs';
import path from 'node:path';

export const SEED_FILE = path.resolve(__dirname, '..', '..', 'corpus', 'seed-article-sw.txt');
export const SEED_SLUG = 'hamas-ina-matumaini-juu-ya-kusitisha-mapigano-israeli-inahujumu-kalin';

/** Every field of an article a reader sees, for comparing whole articles. */
export const ARTICLE_FIELDS = `id title slug language standfirst status publishedAt publishedAtText readingTime { minutes text }
  category { name slug } source { name } leadImage { url caption credit } images { caption } body { type text } canonicalUrl`;

const seedLines = fs.readFileSync(SEED_FILE, 'utf8').split('\n');
// Lines 9-27 of the page (blank lines between them): nine paragraphs with the subheading on line 17.
const bodyLines = seedLines.slice(8, 27).filter((line) => line.trim() !== '');

/** corpus/seed-article-sw.txt as GraphQL must return it, line by line of the page. */
export const SEED_ARTICLE = {
  title: 'Hamas ina matumaini juu ya kusitisha mapigano, Israeli inahujumu - Kalin',
  slug: SEED_SLUG,
  language: 'sw',
  standfirst: seedLines[3],
  status: 'PUBLISHED',
  publishedAt: '2024-09-13T00:00:00.000Z',
  publishedAtText: '13 Septemba 2024',
  readingTime: { minutes: 2, text: '2 dk kusoma' },
  category: { name: 'Uturuki', slug: 'uturuki' },
  source: { name: 'TRT World' },
  leadImage: {
    url: null,
    caption: 'Katika mkutano huo, Kalin na viongozi wa Hamas walizungumzia haja ya kusitishwa kwa mapigano kwa kudumu huko Gaza, ambayo imekumbwa na mzozo wa kibinadamu.',
    credit: 'Jalada la AA / Others',
  },
  images: [],
  body: bodyLines.map((text, index) => ({ type: index === 4 ? 'SUBHEADING' : 'PARAGRAPH', text })),
  canonicalUrl: null,
};

if (bodyLines.length !== 10 || bodyLines[4] !== 'Israel inatatiza mchakato wa kusitisha mapigano') {
  throw new Error('corpus/seed-article-sw.txt changed: update tests/helpers/seed-article.ts');
}
