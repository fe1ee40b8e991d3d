/**
 * The web reader in a real headless Chromium against the real server: every
 * page type, the search form, the live banner after an import, without
 * JavaScript too; an axe-core check on each page; nothing requested from
 * another host; each page under 50 KB of HTML, CSS and JS. Screenshots go to
 * artifacts/ (gitignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { articleDraft, createArticles } from './factories/article.factory';
import { describeWithChromium, launchChromium } from './helpers/chromium';
import { SEED_ARTICLE, SEED_SLUG } from './helpers/seed-article';
import { startTestServer, type TestServer } from './helpers/test-server';
import { waitUntil } from './helpers/ws-client';

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');
const PAGE_BUDGET_BYTES = 50 * 1024;
// axe-core takes seconds per page on a busy 2-core machine; each test runs it once or twice.
jest.setTimeout(180_000);

interface Visit {
  page: Page;
  status: number;
  /** HTML, CSS and JS bytes as decoded (images are not counted). */
  weight: number;
  foreign: string[];
  problems: string[];
}

describeWithChromium('web reader in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let serverHost: string;
  const weights: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer({ seedDemo: true });
    serverHost = new URL(server.url).host;
    // One article without a category, with a real next/previous neighbourhood elsewhere.
    await createArticles(server.app, [articleDraft({ title: 'Habari isiyo na sehemu', slug: 'habari-isiyo-na-sehemu', category: null })]);
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    writeFileSync(path.join(ARTIFACTS, 'reader-weights.json'), `${JSON.stringify(weights, null, 2)}\n`);
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    context = await newContext(true);
  });

  afterEach(async () => {
    await context?.close();
  });

  async function newContext(javaScriptEnabled: boolean): Promise<BrowserContext> {
    // A Swahili reader's phone: `/` picks the language from Accept-Language.
    const created = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'sw-TZ', serviceWorkers: 'block', javaScriptEnabled });
    // A leak must fail the assertion on `foreign`, not wait for a network that is not there.
    await created.route((url) => !isLocal(url.href), (route) => route.abort());
    return created;
  }

  const isLocal = (url: string): boolean => url.startsWith('data:') || new URL(url).host === serverHost;

  /** Opens a path and records what the page requested, weighed and complained about. */
  async function visit(target: BrowserContext, pathname: string, opener?: (page: Page) => Promise<unknown>): Promise<Visit> {
    const page = await target.newPage();
    const foreign: string[] = [];
    const problems: string[] = [];
    const bodies: Array<Promise<number>> = [];
    page.on('request', (request) => {
      if (!isLocal(request.url())) foreign.push(request.url());
    });
    page.on('websocket', (socket) => {
      if (!isLocal(socket.url().replace(/^ws/, 'http'))) foreign.push(socket.url());
    });
    page.on('response', (response) => {
      if (['document', 'stylesheet', 'script'].includes(response.request().resourceType())) {
        bodies.push(response.body().then((body) => body.length, () => 0));
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    let status = 0;
    if (opener) {
      await page.goto(`${server.url}/sw`);
      bodies.length = 0;
      const [response] = await Promise.all([page.waitForNavigation(), opener(page)]);
      status = response?.status() ?? 0;
    } else {
      status = (await page.goto(`${server.url}${pathname}`))?.status() ?? 0;
    }
    await page.waitForLoadState('load');
    const weight = (await Promise.all(bodies)).reduce((sum, n) => sum + n, 0);
    return { page, status, weight, foreign, problems };
  }

  async function expectAccessible(page: Page, name: string): Promise<void> {
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, `reader-${name}.png`), fullPage: true });
  }

  async function meta(page: Page) {
    return page.evaluate(() => {
      const doc = (globalThis as any).document;
      const content = (selector: string) => doc.querySelector(selector)?.getAttribute('content') ?? null;
      return {
        lang: doc.documentElement.getAttribute('lang'),
        ogTitle: content('meta[property="og:title"]'),
        ogDescription: content('meta[property="og:description"]'),
        ogUrl: content('meta[property="og:url"]'),
        description: content('meta[name="description"]'),
        canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
      };
    });
  }

  function expectClean(result: Visit, name: string): void {
    weights[name] = result.weight;
    expect(result.foreign).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.weight).toBeGreaterThan(0);
    expect(result.weight).toBeLessThan(PAGE_BUDGET_BYTES);
  }

  it('home: latest articles per category in the chosen language, language switcher, sharing tags', async () => {
    const home = await visit(context, '/');
    expect(home.status).toBe(200);
    const { page } = home;
    const categories = (await server.query('query($l: String) { categories(language: $l) { name slug } }', { l: 'sw' })).data.categories as Array<{ name: string }>;
    const headings = await page.locator('main section h2').allInnerTexts();
    expect(headings[0]).toBe('Habari mpya');
    expect(headings.slice(1).length).toBeGreaterThan(2);
    for (const heading of headings.slice(1)) expect(categories.map((c) => c.name)).toContain(heading);
    expect(await page.locator('main a', { hasText: SEED_ARTICLE.title }).count()).toBeGreaterThan(0);
    expect(await meta(page)).toEqual({
      lang: 'sw',
      ogTitle: await page.title(),
      ogDescription: 'Habari za hivi punde kwa Kiswahili',
      description: 'Habari za hivi punde kwa Kiswahili',
      ogUrl: 'http://localhost:4000/sw',
      canonical: 'http://localhost:4000/sw',
    });
    const switcher = page.locator('footer nav a');
    expect(await switcher.evaluateAll((links) => links.map((a) => `${a.getAttribute('lang')}=${a.textContent}`))).toEqual([
      'sw=Kiswahili', 'ha=Hausa', 'am=አማርኛ', 'so=Soomaali', 'fr=Français', 'en=English',
    ]);
    await expectAccessible(page, 'home-sw');
    expectClean(home, 'home');

    await Promise.all([page.waitForNavigation(), switcher.filter({ hasText: 'አማርኛ' }).click()]);
    expect(new URL(page.url()).pathname).toBe('/am');
    expect((await meta(page)).lang).toBe('am');
    expect(await page.locator('main section h2').first().innerText()).toBe('የቅርብ ጊዜ ዜናዎች');
    expect(await page.locator('main li[lang="am"]').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'home-am');
  });

  it('category page lists its articles newest first and pages on', async () => {
    const result = await visit(context, '/sw/uturuki');
    expect(result.status).toBe(200);
    expect(await result.page.locator('h1').innerText()).toBe('Uturuki');
    expect(await result.page.locator('main .cards a').first().innerText()).toBe(SEED_ARTICLE.title);
    await expectAccessible(result.page, 'category');
    expectClean(result, 'category');

    const api = await server.query('{ category(slug: "siasa", language: "sw") { articles(first: 20) { totalCount edges { node { title } } } } }');
    const big = await visit(context, '/sw/siasa');
    const titles = await big.page.locator('main .cards > li > a').allInnerTexts();
    expect(titles).toEqual(api.data.category.articles.edges.map((e: any) => e.node.title));
    if (api.data.category.articles.totalCount > 20) {
      await Promise.all([big.page.waitForNavigation(), big.page.locator('a[rel="next"]').click()]);
      expect(await big.page.locator('main .cards > li > a').first().innerText()).not.toBe(titles[0]);
    }
  });

  it('article page: image caption and credit, localized date, reading time, subheadings, source, read more, related, next/previous', async () => {
    const api = await server.query(`{ article(slug: "${SEED_SLUG}", language: "sw") { url readMore(first: 3) { title } related(first: 4) { article { title } } } }`);
    const publicPath = new URL(api.data.article.url).pathname;
    expect(publicPath).toBe(`/sw/uturuki/${SEED_SLUG}`);
    const result = await visit(context, publicPath);
    expect(result.status).toBe(200);
    const { page } = result;
    expect(await page.locator('article').getAttribute('lang')).toBe('sw');
    expect(await page.locator('article h1').innerText()).toBe(SEED_ARTICLE.title);
    expect(await page.locator('article .meta').innerText()).toBe('13 Septemba 2024 · 2 dk kusoma · TRT World');
    expect(await page.locator('figcaption').innerText()).toBe(`${SEED_ARTICLE.leadImage.caption} Picha: ${SEED_ARTICLE.leadImage.credit}`);
    expect(await page.locator('article h2').allInnerTexts()).toEqual(['Israel inatatiza mchakato wa kusitisha mapigano']);
    expect(await page.locator('article > p:not(.standfirst):not(.meta):not(.source)').count()).toBe(9);
    expect(await page.locator('article .source').innerText()).toBe('Chanzo: TRT World');
    expect(await page.locator('#read-more + ul a').allInnerTexts()).toEqual(api.data.article.readMore.map((l: any) => l.title));
    expect(await page.locator('#related + ul > li > a').allInnerTexts()).toEqual(api.data.article.related.map((r: any) => r.article.title));
    expect(await meta(page)).toMatchObject({ lang: 'sw', canonical: api.data.article.url, ogUrl: api.data.article.url, ogTitle: `${SEED_ARTICLE.title} · Habari`, ogDescription: SEED_ARTICLE.standfirst });
    await expectAccessible(page, 'article');
    expectClean(result, 'article');

    // An article in the middle of its category has both neighbours.
    const middle = await server.query('{ category(slug: "siasa", language: "sw") { articles(first: 3) { edges { node { url title next { title } previous { title } } } } } }');
    const node = middle.data.category.articles.edges[1].node;
    const neighbour = await visit(context, new URL(node.url).pathname);
    expect(await neighbour.page.locator('a[rel="prev"]').innerText()).toBe(`← Iliyotangulia\n${node.previous.title}`);
    expect(await neighbour.page.locator('a[rel="next"]').innerText()).toBe(`Inayofuata →\n${node.next.title}`);
    await Promise.all([neighbour.page.waitForNavigation(), neighbour.page.locator('a[rel="next"]').click()]);
    expect(await neighbour.page.locator('article h1').innerText()).toBe(node.next.title);
  });

  it('an article without a category lives at /{language}/{slug}, as Article.url says', async () => {
    const api = await server.query('{ article(slug: "habari-isiyo-na-sehemu", language: "sw") { url } }');
    expect(new URL(api.data.article.url).pathname).toBe('/sw/habari-isiyo-na-sehemu');
    const result = await visit(context, '/sw/habari-isiyo-na-sehemu');
    expect(result.status).toBe(200);
    expect(await result.page.locator('article h1').innerText()).toBe('Habari isiyo na sehemu');
    // Its lead image is on another host: linked from the caption, never loaded.
    expect(await result.page.locator('article img').count()).toBe(0);
    expect(await result.page.locator('figcaption a').getAttribute('href')).toMatch(/^https:\/\/example\.org\//);
    expectClean(result, 'article-without-category');
  });

  it('search form: typed words, highlighted snippets, a hint for text with no words', async () => {
    const result = await visit(context, '/sw', async (page) => {
      await page.locator('header input[type="search"]').fill('Kalin Hamas');
      await page.locator('header button[type="submit"]').click();
    });
    const { page } = result;
    expect(result.status).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/sw/search');
    expect(new URL(page.url()).searchParams.get('q')).toBe('Kalin Hamas');
    expect(await page.locator('header input[type="search"]').inputValue()).toBe('Kalin Hamas');
    expect(await page.locator('.results > li > a').first().innerText()).toBe(SEED_ARTICLE.title);
    const marks = (await page.locator('.results mark').allInnerTexts()).map((m) => m.toLowerCase());
    expect(marks).toEqual(expect.arrayContaining(['kalin', 'hamas']));
    await expectAccessible(page, 'search');
    expectClean(result, 'search');

    const nothing = await visit(context, `/sw/search?q=${encodeURIComponent('*** ---')}`);
    expect(nothing.status).toBe(400);
    expect(await nothing.page.locator('main p').innerText()).toBe('Andika maneno machache ya kutafuta.');
  });

  it('unknown pages answer 404 with a page in the chosen language', async () => {
    const result = await visit(context, '/so/hakuna/kitu');
    expect(result.status).toBe(404);
    expect((await meta(result.page)).lang).toBe('so');
    expect(await result.page.locator('h1').innerText()).toBe('Bogga lama helin');
    await expectAccessible(result.page, 'not-found');
  });

  it('live banner: an article imported while the home page is open is announced with a link to it', async () => {
    await waitUntil(() => server.app.subscriptions.feed.subscriberCount === 0, 10_000, () => 'for earlier pages to disconnect');
    const result = await visit(context, '/sw');
    // The page's script subscribes; a write made before that would not be live news for it.
    await waitUntil(() => server.app.subscriptions.feed.subscriberCount === 1, 10_000, () => 'for the banner to subscribe');
    const summary = await server.app.services.importer.run([
      { ref: { file: 'live.tsv', line: 2 }, draft: articleDraft({ title: 'Habari mpya kabisa: reli yazinduliwa', slug: 'reli-yazinduliwa' }) },
      // Another language's news is not announced on a Swahili page.
      { ref: { file: 'live.tsv', line: 3 }, draft: articleDraft({ language: 'ha', title: 'Labari na Hausa', slug: 'labari-na-hausa', category: { name: 'Siyasa' } }) },
    ]);
    expect(summary.created).toBe(2);
    const banner = result.page.locator('#live');
    await banner.locator('a').waitFor();
    expect(await banner.innerText()).toBe('Habari mpya imechapishwa: Habari mpya kabisa: reli yazinduliwa');
    expect(await banner.locator('a').getAttribute('lang')).toBe('sw');
    await expectAccessible(result.page, 'live-banner');
    await Promise.all([result.page.waitForNavigation(), banner.locator('a').click()]);
    expect(new URL(result.page.url()).pathname).toBe('/sw/siasa/reli-yazinduliwa');
    expect(await result.page.locator('article h1').innerText()).toBe('Habari mpya kabisa: reli yazinduliwa');
    expect(result.foreign).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('works without JavaScript: pages render and the search form submits', async () => {
    const noScript = await newContext(false);
    try {
      const result = await visit(noScript, '/en', async (page) => {
        await page.locator('header input[type="search"]').fill('Kalin');
        await page.locator('header button[type="submit"]').click();
      });
      expect(result.status).toBe(200);
      expect(new URL(result.page.url()).pathname).toBe('/sw/search');
      expect(await result.page.locator('.results > li > a').first().innerText()).toBe(SEED_ARTICLE.title);
      const english = await visit(noScript, '/en');
      expect(await english.page.locator('main section h2').first().innerText()).toBe('Latest news');
      expect(await english.page.locator('main .cards a').count()).toBeGreaterThan(3);
      await english.page.screenshot({ path: path.join(ARTIFACTS, 'reader-home-en-no-js.png'), fullPage: true });
    } finally {
      await noScript.close();
    }
  });
});
