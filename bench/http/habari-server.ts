import 'reflect-metadata';
import { buildApp } from '../../src/app';
import { loadConfig, parseDatabaseUrl } from '../../src/config';

/** Habari as it ships, on the bench database, in its own process. */
async function main(): Promise<void> {
  const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', SEED_DEMO: 'false', RATE_LIMIT_PER_MINUTE: '0' }), database: parseDatabaseUrl(`sqlite:${process.argv[2]}`) };
  const app = await buildApp(config);
  await app.listen(0, '127.0.0.1');
  process.send?.({ port: (app.server.address() as any).port });
}
void main();
