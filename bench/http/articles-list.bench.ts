import 'reflect-metadata';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../../src/app';
import { loadConfig, parseDatabaseUrl } from '../../src/config';
import { seedDemoIfEmpty } from '../../src/seeding/demo.seed';
import { LIST_QUERY } from './list-query';

/**
 * bench/http: Habari's `articles(first:20){... category source leadImage}`
 * against a hand-written better-sqlite3 + node:http handler doing the same
 * SQL, in one run, one after the other, each server in its own process and
 * the load generator in this one. Prints req/s of each and the ratio
 * (target >= 0.25x), and SQL statements per request.
 */
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-bench-'));
  const file = path.join(dir, 'bench.sqlite');
  const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', SEED_DEMO: 'false', RATE_LIMIT_PER_MINUTE: '0' }), database: parseDatabaseUrl(`sqlite:${file}`) };
  const app = await buildApp(config);
  const seeded = await seedDemoIfEmpty(app);
  // The seed queues every article for the related index; drain it now so the
  // measured server is not indexing in the background while it answers.
  await app.services.relatedIndexer.drain({ batchSize: 500 });
  const url = await app.listen(0, '127.0.0.1');
  const before = app.statements.total;
  const probe = await post(`${url}/graphql`);
  const statementsPerRequest = app.statements.total - before;
  await app.close();
  console.log(`bench/http: ${seeded?.created ?? 0} articles, response ${probe.length} bytes, ${statementsPerRequest} SQL statements per request`);

  const raw = await measure('hand-written node:http + better-sqlite3', path.join(__dirname, 'raw-server.js'), file, '/');
  const habari = await measure('Habari (Apollo + type-graphql + TypeORM)', path.join(__dirname, 'habari-server.js'), file, '/graphql');
  console.log(`ratio Habari / hand-written: ${(habari / raw).toFixed(3)}x (target >= 0.25x)`);
  fs.rmSync(dir, { recursive: true, force: true });
}

async function measure(name: string, script: string, dbFile: string, urlPath: string): Promise<number> {
  // NODE_ENV=production: graphql-js skips its development-only instanceof checks, as in a deployment.
  const child = fork(script, [dbFile], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, NODE_ENV: 'production' } });
  const port = await new Promise<number>((resolve) => child.once('message', (m: any) => resolve(m.port)));
  const target = `http://127.0.0.1:${port}${urlPath}`;
  await run(target, 2); // warm up JIT and caches
  const result = await run(target, DURATION);
  child.kill();
  const rps = result.requests.average;
  console.log(`${name}: ${rps.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx}`);
  return rps;
}

function run(url: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LIST_QUERY }),
    connections: CONNECTIONS,
    duration: seconds,
  });
}

async function post(url: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LIST_QUERY }) });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"')) throw new Error(`probe failed: ${text.slice(0, 500)}`);
  return text;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
