import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { openCore } from '../composition-root';
import { loadConfig } from '../config';
import { openDatabase } from '../db/data-source';
import { refreshPlannerStatistics } from '../db/planner-statistics';
import { buildHabariSchema, printHabariSchema } from '../graphql/schema';
import { seedDemoIfEmpty } from '../seeding/demo.seed';
import { bringRelatedUpToDate } from './reindex.command';

export function registerMaintenanceCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async () => {
      const dataSource = await openDatabase(loadConfig().database);
      const pending = await dataSource.showMigrations();
      await dataSource.destroy();
      console.log(pending ? 'Migrations still pending.' : 'Database is up to date.');
    });

  program
    .command('seed')
    .description('load the demo sample into an empty database')
    .option('--index', 'then bring related articles and topic models up to date, as `habari reindex` does', false)
    .action(async (options: { index: boolean }) => {
      // The services alone: seeding needs no HTTP server and no background work.
      const core = await openCore(loadConfig());
      try {
        const summary = await seedDemoIfEmpty(core);
        console.log(summary ? `Seeded ${summary.created} articles (${summary.failed} failed).` : 'The database already has articles; nothing seeded.');
        if (summary && options.index) await bringRelatedUpToDate(core, { batchSize: 500 });
        else if (summary) await refreshPlannerStatistics(core.dataSource);
      } finally {
        await core.close();
      }
    });

  program
    .command('schema')
    .description('print the GraphQL schema, or write it with --write')
    .option('--write [file]', 'write to a file instead of printing', false)
    .action(async (options: { write: string | boolean }) => {
      const text = printHabariSchema(await buildHabariSchema());
      if (options.write === false) return void process.stdout.write(text);
      const file = path.resolve(typeof options.write === 'string' ? options.write : 'schema.graphql');
      fs.writeFileSync(file, text);
      console.log(`Wrote ${file}`);
    });
}
