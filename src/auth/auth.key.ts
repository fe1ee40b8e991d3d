import { createHash, randomBytes } from 'node:crypto';

/** Recognizable in logs, configs and secret scanners. */
export const KEY_PREFIX = 'hab_';
const KEY_SHAPE = /^hab_[A-Za-z0-9_-]{43}$/;

/** A new key: "hab_" and 32 random bytes (256 bits) in base64url. */
export function generateApiKey(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * What is stored and looked up. A key has 256 bits of entropy, so a plain
 * SHA-256 is enough (no salt or slow hash: nothing to brute-force), and the
 * lookup by hash needs no constant-time compare.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The start of a key, shown in lists so people can tell keys apart. */
export function keyDisplayPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 6);
}

export type Credentials = { kind: 'none' } | { kind: 'key'; key: string } | { kind: 'malformed' };

/**
 * Reads an `Authorization` value. No header (or an empty one) is anonymous;
 * anything else must be `Bearer <key>` with a well-formed key, or it counts
 * as a wrong key: a typo must never read as anonymous.
 */
export function parseAuthorization(header: unknown): Credentials {
  if (header == null || header === '') return { kind: 'none' };
  if (typeof header !== 'string') return { kind: 'malformed' };
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match || !KEY_SHAPE.test(match[1])) return { kind: 'malformed' };
  return { kind: 'key', key: match[1] };
}

/** Key names: what `keys revoke NAME` and the history show. */
export function keyNameProblem(name: string): string | null {
  if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/.test(name)) return 'must be 1 to 100 letters, digits, ".", "_", "@" or "-", starting with a letter or digit';
  return null;
}
