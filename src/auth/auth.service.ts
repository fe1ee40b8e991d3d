import type { IncomingMessage } from 'node:http';
import { Errors } from '../errors/error.catalogue';
import { generateApiKey, hashApiKey, keyDisplayPrefix, keyNameProblem, parseAuthorization } from './auth.key';
import type { ApiKeyRepository } from './auth.repository';
import { ROLES, type ApiKeyRecord, type Principal, type Role } from './auth.types';

/** last_used_at is written at most this often per key: not a write per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Keys: creating, listing, revoking, and turning an Authorization value into a principal. */
export class AuthService {
  /** When each key's last_used_at was last written by this process. */
  private readonly touched = new Map<number, number>();

  constructor(private readonly keys: ApiKeyRepository) {}

  /** The new key is in the answer and nowhere else: only its hash is stored. */
  async createKey(name: string, role: string, now = new Date()): Promise<{ key: string; record: ApiKeyRecord }> {
    const problems: Array<{ field: string; problem: string }> = [];
    const nameProblem = keyNameProblem(name);
    if (nameProblem) problems.push({ field: 'name', problem: `${nameProblem}.` });
    if (!(ROLES as readonly string[]).includes(role)) problems.push({ field: 'role', problem: `must be one of ${ROLES.join(', ')}.` });
    if (problems.length) throw Errors.invalidInput(problems);
    const key = generateApiKey();
    const record = await this.keys.insert(name, role as Role, hashApiKey(key), keyDisplayPrefix(key), now);
    if (!record) throw Errors.conflict('KEY_NAME_TAKEN', `A key named "${name}" is active already: choose another name, or revoke that key first.`);
    return { key, record };
  }

  listKeys(): Promise<ApiKeyRecord[]> {
    return this.keys.list();
  }

  async revokeKey(name: string, now = new Date()): Promise<ApiKeyRecord> {
    const revoked = await this.keys.revoke(name, now);
    if (!revoked) throw Errors.notFound(`An active key named "${name}"`);
    return revoked;
  }

  /**
   * null for no credentials (anonymous); throws UNAUTHENTICATED / INVALID_KEY
   * for a malformed, unknown or revoked key, on any operation, so a wrong key
   * never quietly reads as anonymous.
   */
  async authenticate(authorization: unknown, now = Date.now()): Promise<Principal | null> {
    const credentials = parseAuthorization(authorization);
    if (credentials.kind === 'none') return null;
    if (credentials.kind === 'malformed') throw Errors.invalidKey();
    const found = await this.keys.findActiveByHash(hashApiKey(credentials.key));
    if (!found) throw Errors.invalidKey();
    const last = Math.max(this.touched.get(found.keyId) ?? 0, found.lastUsedAt ?? 0);
    if (now - last >= LAST_USED_RESOLUTION_MS) {
      this.touched.set(found.keyId, now);
      // Bookkeeping only: a failed write must not fail the request.
      await this.keys.touch(found.keyId, new Date(now)).catch(() => undefined);
    }
    return { keyId: found.keyId, name: found.name, role: found.role };
  }

  /**
   * The HTTP-level lookup: the principal of a request from its headers alone,
   * before its body is read (rate limits and body limits can key by it).
   * Throws UNAUTHENTICATED / INVALID_KEY like `authenticate`.
   */
  readonly principalOf = (req: IncomingMessage): Promise<Principal | null> => this.authenticate(req.headers.authorization);
}
