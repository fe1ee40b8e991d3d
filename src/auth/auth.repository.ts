import type { DataSource } from 'typeorm';
import { runSql } from '../db/sql';
import type { ApiKeyRecord, Principal, Role } from './auth.types';

type Row = Record<string, unknown>;
const KEY_COLUMNS = 'id, name, role, key_prefix, created_at, last_used_at, revoked_at';

/** The only code that reads or writes api_keys. */
export class ApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Null when a key with that name is active already. */
  async insert(name: string, role: Role, keyHash: string, prefix: string, at: Date): Promise<ApiKeyRecord | null> {
    if (await this.findActiveByName(name)) return null;
    const [row] = await runSql(
      this.dataSource,
      `INSERT INTO api_keys (name, role, key_hash, key_prefix, created_at) VALUES (?, ?, ?, ?, ?) RETURNING ${KEY_COLUMNS}`,
      [name, role, keyHash, prefix, at.getTime()],
    );
    return recordOf(row);
  }

  /** The principal behind an active key; one indexed read. */
  async findActiveByHash(keyHash: string): Promise<(Principal & { lastUsedAt: number | null }) | null> {
    const [row] = await runSql(this.dataSource, 'SELECT id, name, role, last_used_at FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL', [keyHash]);
    if (!row) return null;
    return { keyId: Number(row.id), name: row.name as string, role: row.role as Role, lastUsedAt: row.last_used_at == null ? null : Number(row.last_used_at) };
  }

  async findActiveByName(name: string): Promise<ApiKeyRecord | null> {
    const [row] = await runSql(this.dataSource, `SELECT ${KEY_COLUMNS} FROM api_keys WHERE name = ? AND revoked_at IS NULL`, [name]);
    return row ? recordOf(row) : null;
  }

  async list(): Promise<ApiKeyRecord[]> {
    return (await runSql(this.dataSource, `SELECT ${KEY_COLUMNS} FROM api_keys ORDER BY id`)).map(recordOf);
  }

  /** Revokes the active key with that name; null when there is none. */
  async revoke(name: string, at: Date): Promise<ApiKeyRecord | null> {
    const key = await this.findActiveByName(name);
    if (!key) return null;
    await runSql(this.dataSource, 'UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [at.getTime(), key.id]);
    return { ...key, revokedAt: at };
  }

  async touch(keyId: number, at: Date): Promise<void> {
    await runSql(this.dataSource, 'UPDATE api_keys SET last_used_at = ? WHERE id = ?', [at.getTime(), keyId]);
  }
}

function recordOf(row: Row): ApiKeyRecord {
  return {
    id: Number(row.id),
    name: row.name as string,
    role: row.role as Role,
    prefix: row.key_prefix as string,
    createdAt: new Date(Number(row.created_at)),
    lastUsedAt: row.last_used_at == null ? null : new Date(Number(row.last_used_at)),
    revokedAt: row.revoked_at == null ? null : new Date(Number(row.revoked_at)),
  };
}
