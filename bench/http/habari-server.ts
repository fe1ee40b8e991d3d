import 'reflect-metadata';
import { buildApp } from '../../src/app';
import { loadConfig, parseDatabaseUrl } from '../../src/config';

/**
 * Habari as it ships, on the bench database, in its own process. The
 * response cache is off unless a size is given (argv[3]): bench/http measures
 * the whole pipeline, bench/cache the cache's hit path.
 */
async function main(): Promise<void> {
  const env = { NODE_ENV: 'production', LOG_LEVEL: 'error', SEED_DEMO: 'false', RATE_LIMIT_PER_MINUTE: '0', RESPONSE_CACHE_BYTES: process.argv[3] ?? '0' };
  const config = { ...loadConfig(env), database: parseDatabaseUrl(`sqlite:${process.argv[2]}`) };
  const app = await buildApp(config);
  await app.listen(0, '127.0.0.1');
  process.send?.({ port: (app.server.address() as any).port });
}
void main();
