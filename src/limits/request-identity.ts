import type { IncomingMessage } from 'node:http';
import type { Config } from '../config';

/** Who is asking, for the rate limit and the body limit. */
export interface RequestIdentity {
  /** The rate limit's key: the API key once keys exist, else the client's address. */
  readonly clientKey: string;
  /** Editors may send larger bodies (imports). */
  readonly isEditor: boolean;
}

/**
 * The ONE place that decides who a request comes from. For now: the client's
 * address, and an editor only while ALLOW_UNAUTHENTICATED_WRITES makes every
 * client one (so imports through GraphQL keep their larger body limit). X-Forwarded-For is believed only for the
 * `trustProxy` proxies in front of us (TRUST_PROXY): each appends the address
 * it received from, so the client is that many entries from the right; what
 * a client writes further left is its own claim and is ignored.
 * (Editor API keys will decide `isEditor` and key the limit here.)
 */
export function requestIdentity(req: IncomingMessage, config: Pick<Config, 'allowUnauthenticatedWrites' | 'limits'>): RequestIdentity {
  return {
    clientKey: `ip:${clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], config.limits.trustProxy)}`,
    isEditor: config.allowUnauthenticatedWrites,
  };
}

export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: number): string {
  const peer = normalizeAddress(socketAddress ?? 'unknown');
  if (trustProxy <= 0 || !forwardedFor) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...hops, peer];
  return normalizeAddress(chain[Math.max(0, chain.length - 1 - trustProxy)]);
}

/** IPv4 clients of a dual-stack socket arrive as ::ffff:a.b.c.d; they are the same client as a.b.c.d. */
function normalizeAddress(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').toLowerCase();
}
