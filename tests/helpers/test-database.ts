import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig, parseDatabaseUrl, type Config, type DatabaseConfig } from '../../src/config';

/**
 * A fresh, empty database per test file: a SQLite file in a temp folder, or,
 * when TEST_DATABASE_URL points at PostgreSQL, a new database on that server
 * (dropped afterwards). Tests run on the real thing, never a mock.
 */
export interface TestDatabase {
  database: DatabaseConfig;
  drop(): Promise<void>;
}

export const testDialect: 'sqlite' | 'postgres' = process.env.TEST_DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'sqlite';

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl && testDialect === 'postgres') {
    const name = `habari_test_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      database: parseDatabaseUrl(url.toString()),
      drop: async () => {
        const client = new Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-test-'));
  return {
    database: parseDatabaseUrl(`sqlite:${path.join(dir, 'habari.sqlite')}`),
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export function testConfig(database: DatabaseConfig, overrides: Record<string, string> = {}): Config {
  const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', PORT: '0', HOST: '127.0.0.1', ...overrides });
  return Object.freeze({ ...config, database });
}
