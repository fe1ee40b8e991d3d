import { hashApiKey } from '../src/auth/auth.key';
import { runCli } from './helpers/cli';
import { createTestDatabase, type TestDatabase } from './helpers/test-database';
import { startTestServer, type TestServer } from './helpers/test-server';

describe('habari keys', () => {
  let db: TestDatabase;
  let server: TestServer;
  const cli = (...args: string[]) => runCli(['keys', ...args], db.database.url);

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await server?.close();
    await db.drop();
  });

  it('creates a first admin key on a fresh database, prints it alone on the last line once, and stores only its hash', async () => {
    const created = await cli('create', '--name', 'chief', '--role', 'admin');
    expect(created.code).toBe(0);
    const lines = created.stdout.trimEnd().split('\n');
    const key = lines[lines.length - 1];
    expect(key).toMatch(/^hab_[A-Za-z0-9_-]{43}$/);
    expect(lines.slice(0, -1).join('\n')).not.toContain(key);

    server = await startTestServer({ database: db.database });
    const stored = await server.app.dataSource.query('SELECT * FROM api_keys');
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(key);
    expect(stored[0]).toMatchObject({ name: 'chief', role: 'admin', key_hash: hashApiKey(key) });

    const keys = await server.query('{ apiKeys { name role lastUsedAt } }', {}, key);
    expect(keys.data.apiKeys).toEqual([{ name: 'chief', role: 'ADMIN', lastUsedAt: expect.any(String) }]);

    const listed = await cli('list');
    expect(listed.code).toBe(0);
    const [header, row] = listed.stdout.trim().split('\n');
    expect(header.split(/\s{2,}/)).toEqual(['NAME', 'ROLE', 'PREFIX', 'CREATED', 'LAST USED', 'REVOKED']);
    const cells = row.split(/\s{2,}/);
    expect(cells.slice(0, 3)).toEqual(['chief', 'admin', `${key.slice(0, 10)}…`]);
    expect(cells[3]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(cells[4]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(cells[5]).toBe('-');

    const revoked = await cli('revoke', 'chief');
    expect(revoked).toMatchObject({ code: 0 });
    expect(revoked.stdout).toContain('Revoked admin key "chief"');
    const refused = await server.query('{ apiKeys { name } }', {}, key);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_KEY' });
    expect((await cli('list')).stdout.trim().split('\n')[1].split(/\s{2,}/)[5]).toMatch(/^\d{4}-/);
  }, 240_000);

  it('refuses bad names and roles, a taken name, and revoking an unknown name, with exit code 1', async () => {
    const bad = await cli('create', '--name', 'has space', '--role', 'owner');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('`name`');
    expect(bad.stderr).toContain('`role` must be one of editor, admin');
    expect((await cli('create', '--name', 'desk', '--role', 'editor')).code).toBe(0);
    const taken = await cli('create', '--name', 'desk', '--role', 'editor');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('A key named "desk" is active already');
    const unknown = await cli('revoke', 'nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('"nobody"');
    // A revoked name can be given to its replacement.
    expect((await cli('create', '--name', 'chief', '--role', 'admin')).code).toBe(0);
  }, 240_000);
});
