import 'reflect-metadata';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/app';
import { loadConfig, parseDatabaseUrl } from '../../src/config';
import { measureFanOut } from './fan-out';

/**
 * bench/subscriptions: fan-out latency of `articlePublished` to many
 * WebSocket subscribers of one instance, over loopback (see fan-out.ts).
 * Prints p50/p99/max and the server's RSS.
 *   node dist/bench/subscriptions/subscriptions.js   (SUBSCRIBERS=1000 EVENTS=30)
 */
const SUBSCRIBERS = Math.min(Number(process.env.SUBSCRIBERS ?? 1_000), 5_000);
const EVENTS = Math.min(Number(process.env.EVENTS ?? 30), 500);
const TARGET_P99_MS = 100;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-bench-ws-'));
  const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '0', SEED_DEMO: 'false' }), database: parseDatabaseUrl(`sqlite:${path.join(dir, 'bench.sqlite')}`) };
  const app = await buildApp(config);
  try {
    const url = await app.listen(0, '127.0.0.1');
    const { latencies, idleRss, connectedRss, finalRss } = await measureFanOut(app, url, { subscribers: SUBSCRIBERS, events: EVENTS });
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
    const p99 = Number(pct(99));
    console.log(`bench/subscriptions: ${SUBSCRIBERS} WebSocket subscribers on one instance, ${EVENTS} events (${latencies.length} deliveries), SQLite, loopback`);
    console.log(`  publish -> delivery: p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1)!.toFixed(1)} ms (target p99 < ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS ? 'met' : 'MISSED'})`);
    console.log(
      `  server RSS: ${mib(idleRss)} MiB idle, ${mib(connectedRss)} MiB with ${SUBSCRIBERS} subscribers (~${((connectedRss - idleRss) / 1024 / SUBSCRIBERS).toFixed(0)} KiB each), ${mib(finalRss)} MiB after the run`,
    );
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

if (process.env.NODE_ENV !== 'production') {
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
