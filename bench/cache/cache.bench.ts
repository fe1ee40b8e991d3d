import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../../src/app';
import { loadConfig, parseDatabaseUrl } from '../../src/config';
import { seedDemoIfEmpty } from '../../src/seeding/demo.seed';
import { LIST_QUERY } from '../http/list-query';

/**
 * bench/cache: the 20-article list (category, source, lead image) as a
 * persisted GET (`?extensions={"persistedQuery":...}`, hash only), in one run:
 * 1. a bare node:http server returning the same bytes from memory (baseline);
 * 2. Habari with the response cache (the hit path, before Apollo);
 * 3. Habari with RESPONSE_CACHE_BYTES=0 (every request through Apollo).
 * Each server in its own process, the load generator in this one. Target:
 * (2) >= 0.5x (1).
 */
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const HASH = createHash('sha256').update(LIST_QUERY).digest('hex');
const GET_PATH = `/graphql?${new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: HASH } }) })}`;
const GET_HEADERS = { 'apollo-require-preflight': 'true', accept: 'application/json' };

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-bench-cache-'));
  const file = path.join(dir, 'bench.sqlite');
  const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '0', SEED_DEMO: 'false' }), database: parseDatabaseUrl(`sqlite:${file}`) };
  const app = await buildApp(config);
  const seeded = await seedDemoIfEmpty(app);
  await app.services.relatedIndexer.drain({ batchSize: 500 });
  await app.close();

  const habariScript = path.join(__dirname, '..', 'http', 'habari-server.js');
  const cached = await start(habariScript, [file, String(64 * 1024 * 1024)]);
  const answer = await register(cached.port);
  console.log(`bench/cache: ${seeded?.created ?? 0} articles, answer ${answer.body.length} bytes, persisted GET of the 20-article list`);

  const bytes = await start(path.join(__dirname, 'bytes-server.js'), [], answer);
  const baseline = await measure('node:http, same bytes from memory', bytes, '/');
  bytes.child.kill();
  const hit = await measure('Habari, response cache hit', cached, GET_PATH);
  cached.child.kill();
  const uncached = await start(habariScript, [file, '0']);
  await register(uncached.port);
  const miss = await measure('Habari, cache off (Apollo every time)', uncached, GET_PATH);
  uncached.child.kill();
  console.log(`ratio cache hit / node:http bytes: ${(hit.rps / baseline.rps).toFixed(3)}x req/s (target >= 0.5x); ${(baseline.cpuUs / hit.cpuUs).toFixed(3)}x by server CPU per request`);
  console.log(`ratio cache off / node:http bytes: ${(miss.rps / baseline.rps).toFixed(3)}x req/s, ${(baseline.cpuUs / miss.cpuUs).toFixed(3)}x by CPU; hit / off: ${(hit.rps / miss.rps).toFixed(1)}x req/s`);
  fs.rmSync(dir, { recursive: true, force: true });
}

async function start(script: string, args: string[], message?: unknown): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(script, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, NODE_ENV: 'production' } });
  if (message) child.send(message);
  const port = await new Promise<number>((resolve) => child.once('message', (m: any) => resolve(m.port)));
  return { child, port };
}

/** Registers the persisted query (POST with query and hash), then checks the GET answers the same bytes. */
async function register(port: number): Promise<{ body: string; etag: string }> {
  const base = `http://127.0.0.1:${port}`;
  const extensions = { persistedQuery: { version: 1, sha256Hash: HASH } };
  await (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LIST_QUERY, extensions }) })).text();
  const response = await fetch(`${base}${GET_PATH}`, { headers: GET_HEADERS });
  const body = await response.text();
  if (!response.ok || body.includes('"errors"')) throw new Error(`probe failed: ${body.slice(0, 500)}`);
  return { body, etag: response.headers.get('etag') ?? '' };
}

/**
 * req/s, and the server process's CPU time per request (Linux /proc): on a
 * shared, busy machine throughput follows the neighbours' load, CPU per
 * request much less.
 */
async function measure(name: string, server: { child: ChildProcess; port: number }, urlPath: string): Promise<{ rps: number; cpuUs: number }> {
  const url = `http://127.0.0.1:${server.port}${urlPath}`;
  await run(url, 2); // warm up JIT
  const cpuBefore = cpuTicks(server.child.pid!);
  const result = await run(url, DURATION);
  const cpuUs = ((cpuTicks(server.child.pid!) - cpuBefore) * 10_000) / Math.max(1, result.requests.total);
  const rps = result.requests.average;
  console.log(`${name}: ${rps.toFixed(0)} req/s, ${cpuUs.toFixed(0)} µs server CPU per request, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx}`);
  return { rps, cpuUs };
}

/** utime + stime of a process in clock ticks (1/100 s on Linux); 0 elsewhere. */
function cpuTicks(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function run(url: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, method: 'GET', headers: GET_HEADERS, connections: CONNECTIONS, duration: seconds });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
