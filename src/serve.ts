import 'reflect-metadata';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildApp } from './app';
import { ArticleRepository } from './articles/article.repository';
import type { Config } from './config';
import { openDatabase } from './db/data-source';
import { createLogger, type Logger } from './logging/logger';
import { seedDemoIfEmpty } from './seeding/demo.seed';

/** Serves until SIGINT/SIGTERM, then closes in reverse order of opening (graceful shutdown). */
export async function serve(config: Config): Promise<void> {
  const seededAside = config.seedDemo && (await seedFirstStartAside(config, createLogger(config)));
  const app = await buildApp(config);
  if (config.seedDemo && !seededAside) {
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

/**
 * A first start on an empty database seeds the demo and builds its related
 * index and topic models in a child process (`habari seed --index`) before
 * the server opens: the import worker, the profiles and the bulk ranking
 * need a few hundred MB for a few seconds, and a process that exits gives
 * all of it back, where the server would have kept its heap grown for good.
 * Returns false (the server then seeds in-process, as before) when the
 * database already has articles, when not running from the built CLI, or
 * when the child failed.
 */
async function seedFirstStartAside(config: Config, logger: Logger): Promise<boolean> {
  const cli = path.join(__dirname, 'cli', 'main.js');
  if (path.extname(__filename) !== '.js') return false;
  const db = await openDatabase(config.database, { busyTimeoutMs: config.sqliteBusyTimeoutMs });
  let empty: boolean;
  try {
    empty = await new ArticleRepository(db).isEmpty();
  } finally {
    await db.destroy();
  }
  if (!empty) return false;
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, cli, 'seed', '--index'], { env: process.env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', () => resolve(null));
    child.on('exit', (exitCode) => resolve(exitCode));
  });
  if (code !== 0) logger.warn({ code }, 'seeding in a child process failed; seeding in the server instead');
  return code === 0;
}
