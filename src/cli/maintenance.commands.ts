import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { openDatabase } from '../db/data-source';
import { buildHabariSchema, printHabariSchema } from '../graphql/schema';
import { seedDemoIfEmpty } from '../seeding/demo.seed';

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
    .action(async () => {
      const app = await buildApp(loadConfig());
      try {
        const summary = await seedDemoIfEmpty(app);
        console.log(summary ? `Seeded ${summary.created} articles (${summary.failed} failed).` : 'The database already has articles; nothing seeded.');
      } finally {
        await app.close();
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
