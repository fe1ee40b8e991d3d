import 'reflect-metadata';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { buildApp, type HabariApp } from '../../src/app';
import { ArticleStatus } from '../../src/articles/article.enums';
import { loadConfig, parseDatabaseUrl } from '../../src/config';

/**
 * bench/subscriptions: fan-out latency of `articlePublished` to many
 * WebSocket subscribers of one instance, over loopback. The server runs in
 * this process; the subscribers run in a child process (the other core), so
 * client work does not sit on the server's event loop. Latency is measured
 * from just before the article's write transaction starts to each client's
 * receipt of the event. Prints p50/p99/max and the server's RSS.
 *   node dist/bench/subscriptions/subscriptions.js   (SUBSCRIBERS=1000 EVENTS=30)
 */
const SUBSCRIBERS = Math.min(Number(process.env.SUBSCRIBERS ?? 1_000), 5_000);
const EVENTS = Math.min(Number(process.env.EVENTS ?? 30), 500);
const WARMUP_EVENTS = 5;
const TARGET_P99_MS = 100;
const QUERY = 'subscription { articlePublished { cursor article { id title language category { name } } } }';
const now = () => performance.timeOrigin + performance.now();

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-bench-ws-'));
  const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '0', SEED_DEMO: 'false' }), database: parseDatabaseUrl(`sqlite:${path.join(dir, 'bench.sqlite')}`) };
  const app = await buildApp(config);
  const child = fork(__filename, ['clients'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const url = await app.listen(0, '127.0.0.1');
    await publish(app, -1); // creates the category and source, so measured writes are alike
    const idleRss = rss();
    const received = new Map<number, number[]>();
    child.on('message', (message: { event: number; at: number[] }) => received.set(message.event, message.at));
    child.send({ url: `${url.replace(/^http/, 'ws')}/graphql`, subscribers: SUBSCRIBERS });
    await until(() => app.subscriptions.feed.subscriberCount === SUBSCRIBERS, 60_000, 'subscribers to connect');
    const connectedRss = rss();

    const latencies: number[] = [];
    for (let event = 0; event < WARMUP_EVENTS + EVENTS; event += 1) {
      const started = now();
      await publish(app, event);
      await until(() => received.has(event), 10_000, `event ${event} to reach every subscriber`);
      if (event >= WARMUP_EVENTS) for (const at of received.get(event)!) latencies.push(at - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const finalRss = rss();
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
    const p99 = Number(pct(99));
    console.log(`bench/subscriptions: ${SUBSCRIBERS} WebSocket subscribers on one instance, ${EVENTS} events (${latencies.length} deliveries), SQLite, loopback`);
    console.log(`  publish -> delivery: p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1)!.toFixed(1)} ms (target p99 < ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS ? 'met' : 'MISSED'})`);
    console.log(
      `  server RSS: ${mib(idleRss)} MiB idle, ${mib(connectedRss)} MiB with ${SUBSCRIBERS} subscribers (~${((connectedRss - idleRss) / 1024 / SUBSCRIBERS).toFixed(0)} KiB each), ${mib(finalRss)} MiB after the run`,
    );
  } finally {
    child.kill();
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function publish(app: HabariApp, event: number) {
  const writer = app.services.writer;
  return app.repositories.writes.transaction((tx) =>
    writer.upsert(tx, {
      language: 'sw',
      title: `Habari ya kipimo ${event}`,
      body: [{ type: 'PARAGRAPH', text: `Aya ya habari ya kipimo nambari ${event}.` }],
      status: ArticleStatus.PUBLISHED,
      category: { name: 'Kipimo' },
      source: { name: 'Kipimo' },
      tags: [],
    }),
  );
}

/** The child: opens the sockets, subscribes, and reports when each event has reached all of them. */
function clients(): void {
  process.on('message', async ({ url, subscribers }: { url: string; subscribers: number }) => {
    const arrivals = new Map<number, number[]>();
    const open = (index: number) =>
      new Promise<void>((resolve, reject) => {
        const socket = new WebSocket(url, 'graphql-transport-ws');
        socket.on('error', reject);
        socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
        socket.on('message', (data) => {
          const at = now();
          const text = data.toString();
          if (text.startsWith('{"type":"connection_ack"')) {
            socket.send(JSON.stringify({ id: String(index), type: 'subscribe', payload: { query: QUERY } }));
            resolve();
            return;
          }
          const match = /Habari ya kipimo (\d+)/.exec(text);
          if (!match) return;
          const event = Number(match[1]);
          const times = arrivals.get(event) ?? [];
          times.push(at);
          arrivals.set(event, times);
          if (times.length === subscribers) process.send!({ event, at: times });
        });
      });
    for (let i = 0; i < subscribers; i += 100) await Promise.all(Array.from({ length: Math.min(100, subscribers - i) }, (_, k) => open(i + k)));
  });
  process.on('disconnect', () => process.exit(0));
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const rss = () => process.memoryUsage().rss;
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

if (process.argv[2] === 'clients') clients();
else if (process.env.NODE_ENV !== 'production') {
  // As deployed: graphql-js skips its development-only checks in production.
  fork(__filename, process.argv.slice(2), { env: { ...process.env, NODE_ENV: 'production' } }).on('exit', (code) => process.exit(code ?? 1));
} else
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
