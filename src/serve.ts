import 'reflect-metadata';
import { buildApp } from './app';
import type { Config } from './config';
import { seedDemoIfEmpty } from './seeding/demo.seed';

/** Serves until SIGINT/SIGTERM, then closes in reverse order of opening (graceful shutdown). */
export async function serve(config: Config): Promise<void> {
  const app = await buildApp(config);
  if (config.seedDemo) {
    const summary = await seedDemoIfEmpty(app);
    if (summary) app.logger.info({ created: summary.created, failed: summary.failed, ms: summary.elapsedMs }, 'seeded the demo sample');
  }
  const url = await app.listen();
  app.logger.info({ url: `${url}/graphql`, database: config.database.kind }, 'Habari is serving: open the playground at this URL');
  if (process.stdout.isTTY) console.log(`\n  Habari playground: ${url}/graphql\n`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down');
    // The drain takes at most SHUTDOWN_GRACE_MS; closing the rest gets ten seconds more.
    const force = setTimeout(() => {
      app.logger.error({ graceMs: config.shutdownGraceMs }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, config.shutdownGraceMs + 10_000).unref();
    app.close().then(
      () => {
        clearTimeout(force);
        app.logger.info({ signal }, 'shut down cleanly');
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
