import type { Command } from 'commander';
import { loadConfig } from '../config';
import { openCore } from '../composition-root';
import { AppError } from '../errors/error.catalogue';
import type { ApiKeyRecord } from '../auth/auth.types';

/** `habari keys create|list|revoke`: how the first admin key comes to exist, and how keys are managed from a shell. */
export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description('create, list and revoke API keys (only a hash of each key is stored)');
  keys
    .command('create')
    .description('create a key and print it, alone on the last line, once')
    .requiredOption('--name <name>', 'who or what uses it, e.g. web-desk or partner-bbc')
    .requiredOption('--role <role>', 'editor or admin')
    .action((options: { name: string; role: string }) =>
      withCore(async (core) => {
        const { key, record } = await core.services.auth.createKey(options.name, options.role);
        console.log(`Created ${record.role} key "${record.name}". Keep it secret: it is shown only now, and only a hash is stored.`);
        console.log('Send it as: Authorization: Bearer <key>');
        console.log(key);
      }),
    );
  keys
    .command('list')
    .description('show name, role, created, last used and revoked for every key')
    .action(() =>
      withCore(async (core) => {
        const rows = (await core.services.auth.listKeys()).map(row);
        const header = ['NAME', 'ROLE', 'PREFIX', 'CREATED', 'LAST USED', 'REVOKED'];
        const widths = header.map((title, i) => Math.max(title.length, ...rows.map((r) => r[i].length)));
        for (const line of [header, ...rows]) console.log(line.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd());
        if (!rows.length) console.log('No keys yet: create the first with `habari keys create --name NAME --role admin`.');
      }),
    );
  keys
    .command('revoke')
    .description('revoke the active key with this name; requests with it are refused at once')
    .argument('<name>')
    .action((name: string) =>
      withCore(async (core) => {
        const revoked = await core.services.auth.revokeKey(name);
        console.log(`Revoked ${revoked.role} key "${revoked.name}" (${revoked.prefix}…).`);
      }),
    );
}

function row(key: ApiKeyRecord): string[] {
  const at = (date: Date | null) => (date ? date.toISOString().replace(/\.\d{3}Z$/, 'Z') : '-');
  return [key.name, key.role, `${key.prefix}…`, at(key.createdAt), at(key.lastUsedAt), at(key.revokedAt)];
}

async function withCore(work: (core: Awaited<ReturnType<typeof openCore>>) => Promise<void>): Promise<void> {
  const core = await openCore(loadConfig());
  try {
    await work(core);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    await core.close();
  }
}
