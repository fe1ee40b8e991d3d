import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../src/composition-root';
import { encodeEventCursor } from '../src/subscriptions/article-event.cursor';
import { articleDraft, createArticles } from './factories/article.factory';
import { testConfig } from './helpers/test-database';
import { startTestServer, type TestServer } from './helpers/test-server';
import { subscribe, waitUntil, wsClient, type Subscription } from './helpers/ws-client';

const ROOT = path.resolve(__dirname, '..');
const PUBLISHED = `subscription Published($after: String) {
  articlePublished(after: $after) { cursor article { title language } }
}`;

/**
 * Several instances on one database and one Redis. Polling is set to ten
 * minutes here, so an event that arrives within seconds came over Redis.
 */
describe('article events across instances (shared database and Redis)', () => {
  const redisEnv = {
    REDIS_URL: 'redis://127.0.0.1:6379',
    // Unique per run: parallel test files must not hear each other.
    REDIS_CHANNEL_PREFIX: `habari-test-${randomBytes(6).toString('hex')}`,
    SUBSCRIPTION_POLL_MS: '600000',
  };
  let first: TestServer;
  let second: TestServer;
  const clients: Array<{ dispose(): void | Promise<void> }> = [];
  const clientOf = (url: string) => {
    const c = wsClient(url);
    clients.push(c);
    return c;
  };
  const live = (server: TestServer, count: number) => waitUntil(() => server.app.subscriptions.feed.subscriberCount >= count);

  beforeAll(async () => {
    first = await startTestServer({ env: redisEnv });
    second = await startTestServer({ env: redisEnv, database: first.app.config.database });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await waitUntil(() => first.app.subscriptions.feed.subscriberCount + second.app.subscriptions.feed.subscriberCount === 0);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('publishes through one instance and delivers on the other', async () => {
    const onSecond = subscribe(clientOf(second.url), PUBLISHED);
    const onFirst = subscribe(clientOf(first.url), PUBLISHED);
    await live(second, 1);
    await live(first, 1);
    await createArticles(first.app, [articleDraft({ title: 'Kutoka kwa mfano wa kwanza' })]);
    const [event] = await onSecond.waitFor(1, 3_000);
    expect(event.articlePublished.article.title).toBe('Kutoka kwa mfano wa kwanza');
    expect((await onFirst.waitFor(1, 3_000))[0]).toEqual(event);
  });

  it('delivers what a CLI-style core writes, announced on Redis after commit', async () => {
    const sub = subscribe(clientOf(second.url), PUBLISHED);
    await live(second, 1);
    const cli = await openCore(testConfig(first.app.config.database, redisEnv));
    try {
      await createArticles(cli, [articleDraft({ title: 'Kutoka kwa zana ya kuingiza' })]);
    } finally {
      await cli.close();
    }
    expect((await sub.waitFor(1, 3_000))[0].articlePublished.article.title).toBe('Kutoka kwa zana ya kuingiza');
  });

  describe('with real processes (node dist/src/cli/main.js)', () => {
    let child: ChildProcess | null = null;
    let childUrl = '';
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-ws-'));
    const env = () => ({
      ...process.env,
      ...redisEnv,
      DATABASE_URL: first.app.config.database.url,
      NODE_ENV: 'test',
      SEED_DEMO: 'false',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
    });

    beforeAll(async () => {
      // `npm test` builds first; a direct `npx jest` may have a stale dist.
      execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-if-needed.js')], { cwd: ROOT, stdio: 'inherit' });
      child = spawn(process.execPath, [path.join(ROOT, 'dist', 'src', 'cli', 'main.js'), 'serve'], { cwd: ROOT, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
      childUrl = await new Promise<string>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => reject(new Error(`the server process did not start:\n${output}`)), 30_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        };
        child!.stdout!.on('data', onData);
        child!.stderr!.on('data', onData);
        child!.once('exit', (code) => reject(new Error(`the server process exited (${code}):\n${output}`)));
      });
    }, 300_000);
    afterAll(async () => {
      if (child && child.exitCode == null) {
        const exited = new Promise((resolve) => child!.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    /** Subscribes from the current outbox position and proves the stream is live with a first event. */
    async function liveOn(url: string): Promise<Subscription<any>> {
      const after = encodeEventCursor(await first.app.repositories.articleEvents.lastId());
      const sub = subscribe(clientOf(url), PUBLISHED, { after });
      await createArticles(first.app, [articleDraft({ title: `Kuamsha ${randomBytes(3).toString('hex')}` })]);
      await sub.waitFor(1, 5_000);
      return sub;
    }

    it('delivers on a separate server process what this process publishes', async () => {
      const sub = await liveOn(childUrl);
      await createArticles(first.app, [articleDraft({ title: 'Kwa mchakato mwingine' })]);
      expect((await sub.waitFor(2, 3_000))[1].articlePublished.article.title).toBe('Kwa mchakato mwingine');
    });

    it('delivers what `habari import` in its own process publishes, to both instances', async () => {
      const file = path.join(tmp, 'habari.tsv');
      fs.writeFileSync(file, 'category\theadline\ttext\turl\npolitics\tHabari kutoka kwa CLI\tMaandishi ya habari kutoka kwa zana ya kuingiza.\t\n');
      const here = await liveOn(first.url);
      const there = await liveOn(childUrl);
      execFileSync(process.execPath, [path.join(ROOT, 'dist', 'src', 'cli', 'main.js'), 'import', file, '--language', 'sw', '--publish', '--source', 'BBC Swahili'], {
        cwd: ROOT,
        env: env(),
        stdio: 'pipe',
      });
      const titles = (sub: Subscription<any>) => sub.events.map((e) => e.articlePublished.article.title);
      await waitUntil(() => titles(here).includes('Habari kutoka kwa CLI') && titles(there).includes('Habari kutoka kwa CLI'), 3_000, () => JSON.stringify([titles(here), titles(there)]));
      expect(titles(here).at(-1)).toBe('Habari kutoka kwa CLI');
      expect(titles(there).at(-1)).toBe('Habari kutoka kwa CLI');
    });
  });
});
