import path from 'node:path';

/**
 * The only reader of process.env. Parsed and validated once at start into a
 * frozen, typed object; a bad value stops the process with a message that
 * names the variable and what it should look like.
 */
export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly database: DatabaseConfig;
  /** Seed the demo sample when the database has no articles. */
  readonly seedDemo: boolean;
  /** Base of public article URLs: {base}/{language}/{category}/{slug}. */
  readonly publicBaseUrl: string;
  readonly redisUrl: string | null;
  /** Prefix of Redis pub/sub channels: instances that share it hear each other's events. */
  readonly redisChannelPrefix: string;
  /** How often each instance reads the event outbox (ms), whether or not it was nudged. */
  readonly subscriptionPollMs: number;
  /** Days of article events kept for subscriptions to resume from (`after`); older ones are pruned. */
  readonly eventRetentionDays: number;
  /** Bytes of public answers kept in memory by the response cache; 0 turns it off. */
  readonly responseCacheBytes: number;
  /** `Cache-Control: max-age` of public answers (seconds). */
  readonly cacheMaxAgeSeconds: number;
  /** `Cache-Control: stale-while-revalidate` of public answers (seconds). */
  readonly cacheStaleWhileRevalidateSeconds: number;
  /** Time zone in which publication dates are printed. */
  readonly displayTimeZone: string;
  readonly logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  /** `auto`: human-readable lines when stdout is a terminal, JSON lines otherwise. */
  readonly logFormat: 'auto' | 'json' | 'pretty';
  /** On SIGTERM/SIGINT, how long in-flight requests may take to finish before their connections are cut. */
  readonly shutdownGraceMs: number;
  /** How long a SQLite statement waits for another process's write lock before giving up. */
  readonly sqliteBusyTimeoutMs: number;
  readonly limits: LimitsConfig;
  /** How often the server checks whether a language's topic model is due for retraining (ms); see src/topics. */
  readonly topicRetrainCheckMs: number;
}

/** What one client may ask of the public API; every operation is checked before any resolver runs. */
export interface LimitsConfig {
  /** Field nesting depth of an operation (introspection is held by graphql-js's own rule). */
  readonly maxQueryDepth: number;
  readonly maxQueryAliases: number;
  readonly maxQueryDirectives: number;
  /** Lexical tokens in a document: caps parsing work before anything else. */
  readonly maxQueryTokens: number;
  /** Objects an operation may return, lists counted by their `first` (see src/graphql/query-cost.ts). */
  readonly maxQueryCost: number;
  /** Requests (and websocket connections) per client per minute; 0 turns the limit off. */
  readonly rateLimitPerMinute: number;
  /** Largest request body for anonymous clients, and for editors (imports send whole files). */
  readonly maxBodyBytes: number;
  readonly maxEditorBodyBytes: number;
  /** Proxies in front of the server whose X-Forwarded-For is believed; 0 uses the socket's address. */
  readonly trustProxy: number;
}

export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly file: string; readonly url: string }
  | { readonly kind: 'postgres'; readonly url: string };

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  return Object.freeze({
    env: nodeEnv,
    host: env.HOST?.trim() || '0.0.0.0',
    port: integer(env, 'PORT', 4000, 0, 65535),
    database: parseDatabaseUrl(env.DATABASE_URL?.trim() || 'sqlite:data/habari.sqlite'),
    seedDemo: boolean(env, 'SEED_DEMO', true),
    publicBaseUrl: url(env, 'PUBLIC_BASE_URL', 'http://localhost:4000').replace(/\/+$/, ''),
    redisUrl: env.REDIS_URL?.trim() || null,
    redisChannelPrefix: env.REDIS_CHANNEL_PREFIX?.trim() || 'habari',
    subscriptionPollMs: integer(env, 'SUBSCRIPTION_POLL_MS', 300, 10, 3_600_000),
    eventRetentionDays: integer(env, 'EVENT_RETENTION_DAYS', 14, 1, 3650),
    responseCacheBytes: integer(env, 'RESPONSE_CACHE_BYTES', 64 * 1024 * 1024, 0, 64 * 1024 * 1024 * 1024),
    cacheMaxAgeSeconds: integer(env, 'CACHE_MAX_AGE_SECONDS', 60, 0, 31_536_000),
    cacheStaleWhileRevalidateSeconds: integer(env, 'CACHE_STALE_WHILE_REVALIDATE_SECONDS', 300, 0, 31_536_000),
    displayTimeZone: timeZone(env, 'DISPLAY_TIME_ZONE', 'UTC'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['silent', 'error', 'warn', 'info', 'debug'] as const, nodeEnv === 'test' ? 'silent' : 'info'),
    logFormat: oneOf(env, 'LOG_FORMAT', ['auto', 'json', 'pretty'] as const, 'auto'),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    sqliteBusyTimeoutMs: integer(env, 'SQLITE_BUSY_TIMEOUT_MS', 5_000, 0, 600_000),
    limits: Object.freeze({
      maxQueryDepth: integer(env, 'MAX_QUERY_DEPTH', 12, 2, 100),
      maxQueryAliases: integer(env, 'MAX_QUERY_ALIASES', 30, 0, 1000),
      maxQueryDirectives: integer(env, 'MAX_QUERY_DIRECTIVES', 50, 0, 1000),
      maxQueryTokens: integer(env, 'MAX_QUERY_TOKENS', 5000, 200, 100_000),
      maxQueryCost: integer(env, 'MAX_QUERY_COST', 2000, 10, 10_000_000),
      rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000),
      maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 1024 * 1024, 1024, 1024 * 1024 * 1024),
      maxEditorBodyBytes: integer(env, 'MAX_EDITOR_BODY_BYTES', 12 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      trustProxy: integer(env, 'TRUST_PROXY', 0, 0, 10),
    }),
    topicRetrainCheckMs: integer(env, 'TOPIC_RETRAIN_CHECK_MS', 60_000, 1_000, 86_400_000),
  });
}

export function parseDatabaseUrl(raw: string): DatabaseConfig {
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    return Object.freeze({ kind: 'postgres', url: raw });
  }
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new ConfigError('DATABASE_URL', 'names no SQLite file: use sqlite:data/habari.sqlite or sqlite:/abs/path.sqlite');
    const resolved = file === ':memory:' ? file : path.resolve(file);
    return Object.freeze({ kind: 'sqlite', file: resolved, url: `sqlite:${resolved}` });
  }
  throw new ConfigError('DATABASE_URL', `must start with sqlite: or postgres:// (got "${raw}")`);
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false (got "${env[name]}")`);
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(name, `must be one of ${values.join(', ')} (got "${raw}")`);
}

function url(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
    return raw;
  } catch {
    throw new ConfigError(name, `must be an absolute http(s) URL (got "${raw}")`);
  }
}

function timeZone(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  try {
    new Intl.DateTimeFormat('en', { timeZone: raw });
    return raw;
  } catch {
    throw new ConfigError(name, `must be an IANA time zone such as Africa/Nairobi (got "${raw}")`);
  }
}
