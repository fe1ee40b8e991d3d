import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './helpers/free-port';

/**
 * The README's quick start as a user runs it: the built server on a fresh
 * SQLite file seeds the demo, serves GraphQL and the playground, and shuts
 * down cleanly on SIGTERM.
 */
describe('habari serve on a fresh database (npm start)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-start-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('seeds the demo sample with its related lists built, answers queries, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js'), 'serve'], {
      env: { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'habari.sqlite')}`, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const base = `http://127.0.0.1:${port}`;

    // A first start seeds and indexes the demo (in a child process) before it listens.
    const deadline = Date.now() + 150_000;
    for (;;) {
      try {
        if ((await fetch(`${base}/healthz`)).status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`server did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 200));
    }

    const post = async (query: string) =>
      (await (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()) as any;
    const counts = await post(`{
      sw: articles(filter: { language: "sw" }) { totalCount edges { node { title } } }
      en: articles(filter: { language: "en" }) { totalCount }
      ha: articles(filter: { language: "ha" }) { totalCount }
      am: articles(filter: { language: "am" }) { totalCount }
      seed: article(slug: "hamas-ina-matumaini-juu-ya-kusitisha-mapigano-israeli-inahujumu-kalin", language: "sw") {
        title publishedAtText readingTime { minutes text } category { name slug } source { name }
        leadImage { caption credit } body { type text }
      }
    }`);
    expect(counts.errors).toBeUndefined();
    const { sw, en, ha, am, seed } = counts.data;
    expect(sw.totalCount + en.totalCount + ha.totalCount + am.totalCount).toBeGreaterThanOrEqual(100);
    for (const language of [sw, en, ha, am]) expect(language.totalCount).toBeGreaterThan(0);
    expect(sw.edges[0].node.title).toBe('Hamas ina matumaini juu ya kusitisha mapigano, Israeli inahujumu - Kalin');
    expect(seed).toMatchObject({
      publishedAtText: '13 Septemba 2024',
      readingTime: { minutes: 2, text: '2 dk kusoma' },
      category: { name: 'Uturuki', slug: 'uturuki' },
      source: { name: 'TRT World' },
      leadImage: { credit: 'Jalada la AA / Others' },
    });
    expect(seed.body.filter((b: any) => b.type === 'PARAGRAPH')).toHaveLength(9);
    expect(seed.body[4]).toEqual({ type: 'SUBHEADING', text: 'Israel inatatiza mchakato wa kusitisha mapigano' });

    // Built before the server listened: the seed article's list is the indexer's stored one (with reasons), not a fallback.
    const related = await post(`{
      article(slug: "hamas-ina-matumaini-juu-ya-kusitisha-mapigano-israeli-inahujumu-kalin", language: "sw") { related(first: 5) { article { language } reasons { signal } } }
    }`);
    expect(related.errors).toBeUndefined();
    const list = related.data.article.related;
    expect(list).toHaveLength(5);
    for (const item of list) expect(item.article.language).toBe('sw');
    const db = new Database(path.join(dir, 'habari.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM related_queue').get()).toEqual({ n: 0 });
      expect((db.prepare('SELECT COUNT(*) AS n FROM related_index').get() as { n: number }).n).toBeGreaterThanOrEqual(1500);
    } finally {
      db.close();
    }

    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Habari GraphQL playground');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 200_000);
});
