import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { HabariApp } from '../../src/app';
import { ArticleStatus } from '../../src/articles/article.enums';

/**
 * Fan-out of `articlePublished` to many WebSocket subscribers of one
 * started instance, over loopback: the subscribers run in a child process
 * (the other core), so client work does not sit on the server's event loop.
 * Latency runs from just before the article's write transaction starts to
 * each client's receipt of the event. bench/subscriptions and bench/scale
 * both measure with it.
 */
export interface FanOutOptions {
  subscribers: number;
  events: number;
  warmupEvents?: number;
}

export interface FanOutResult {
  /** Publish-to-delivery per delivery, ms, sorted. */
  latencies: number[];
  idleRss: number;
  connectedRss: number;
  finalRss: number;
}

const QUERY = 'subscription { articlePublished { cursor article { id title language category { name } } } }';
const now = () => performance.timeOrigin + performance.now();

export async function measureFanOut(app: HabariApp, baseUrl: string, options: FanOutOptions): Promise<FanOutResult> {
  const warmup = options.warmupEvents ?? 5;
  const child = fork(__filename, ['clients'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    await publish(app, -1); // creates the category and source, so measured writes are alike
    const idleRss = process.memoryUsage().rss;
    const received = new Map<number, number[]>();
    child.on('message', (message: { event: number; at: number[] }) => received.set(message.event, message.at));
    child.send({ url: `${baseUrl.replace(/^http/, 'ws')}/graphql`, subscribers: options.subscribers });
    await until(() => app.subscriptions.feed.subscriberCount === options.subscribers, 60_000, 'subscribers to connect');
    const connectedRss = process.memoryUsage().rss;
    const latencies: number[] = [];
    for (let event = 0; event < warmup + options.events; event += 1) {
      const started = now();
      await publish(app, event);
      await until(() => received.has(event), 10_000, `event ${event} to reach every subscriber`);
      if (event >= warmup) for (const at of received.get(event)!) latencies.push(at - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { latencies: latencies.sort((a, b) => a - b), idleRss, connectedRss, finalRss: process.memoryUsage().rss };
  } finally {
    child.kill();
  }
}

// New titles every run: on a database measured before, the same titles would be unchanged upserts, which publish nothing.
const RUN = Date.now().toString(36);

function publish(app: HabariApp, event: number) {
  const writer = app.services.writer;
  return app.repositories.writes.transaction((tx) =>
    writer.upsert(tx, {
      language: 'sw',
      title: `Habari ya kipimo ${event} ${RUN}`,
      body: [{ type: 'PARAGRAPH', text: `Aya ya habari ya kipimo nambari ${event} (${RUN}).` }],
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

if (require.main === module && process.argv[2] === 'clients') clients();
