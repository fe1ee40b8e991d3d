import { fork } from 'node:child_process';
import path from 'node:path';

/**
 * `npm run bench [-- name ...]`: runs the named benchmarks (all by default),
 * one after another so they never compete for the two cores. Each prints its
 * own figures as ratios against a baseline measured in the same run.
 */
const BENCHES: Record<string, string> = {
  http: 'http/articles-list.bench.js',
  cache: 'cache/cache.bench.js',
  import: 'import/import.bench.js',
  search: 'search/search.bench.js',
  related: 'related/related.bench.js',
  counting: 'related/counting.bench.js',
  scale: 'scale/scale.bench.js',
  quality: 'quality/quality.js',
  'language-id': 'quality/language-id.js',
  'quality-db': 'related/quality-db.js',
  stemmers: 'quality/quality.stemmers.js',
  'topic-routes': 'quality/quality.topic-routes.js',
  topics: 'topics/topics.bench.js',
  subscriptions: 'subscriptions/subscriptions.js',
};

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !(name in BENCHES));
  if (unknown.length) {
    console.error(`Unknown benchmark ${unknown.join(', ')}: choose from ${Object.keys(BENCHES).join(', ')}.`);
    process.exit(2);
  }
  for (const name of names.length ? names : Object.keys(BENCHES)) {
    console.log(`\n=== bench/${name}`);
    const code = await new Promise<number | null>((resolve) => {
      fork(path.join(__dirname, BENCHES[name]), { env: { ...process.env, NODE_ENV: 'production' } }).on('exit', resolve);
    });
    if (code !== 0) {
      console.error(`bench/${name} failed (exit ${code})`);
      process.exitCode = 1;
    }
  }
}

void main();
