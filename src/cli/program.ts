import 'reflect-metadata';
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config';
import { registerImportCommand } from './import.command';
import { registerKeysCommand } from './keys.command';
import { registerMaintenanceCommands } from './maintenance.commands';
import { registerReindexCommand } from './reindex.command';
import { registerSynthCommand } from './synth.command';
import { serve } from '../serve';

/** `habari <command>`: one entry for the server and the editors' tools. */
export async function runProgram(argv: string[]): Promise<void> {
  const program = new Command('habari').description('Habari: a GraphQL news service for African-language newsrooms').showHelpAfterError();
  program
    .command('serve')
    .description('apply pending migrations, seed the demo when empty (SEED_DEMO), and serve GraphQL on PORT')
    .action(async () => serve(loadConfig()));
  registerMaintenanceCommands(program);
  registerImportCommand(program);
  registerReindexCommand(program);
  registerKeysCommand(program);
  registerSynthCommand(program);
  await program.parseAsync(argv);
}

/** Runs the command line; a configuration error is one line, not a stack. */
export async function main(argv: string[]): Promise<void> {
  try {
    await runProgram(argv);
  } catch (error: unknown) {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  }
}
