import type { IncomingMessage } from 'node:http';
import type { Principal } from '../auth/auth.types';
import type { Config } from '../config';
import { isAppError, type AppError } from '../errors/error.catalogue';

/** Who is asking, for the rate limit, the body limit and the operation's context. */
export interface RequestIdentity {
  /** The rate limit's key: the API key when one authenticated the request, else the client's address. */
  readonly clientKey: string;
  /** Editors and admins may send larger bodies (imports). */
  readonly isEditor: boolean;
  /** The key's holder, or null for an anonymous request. */
  readonly principal: Principal | null;
  /**
   * Set when the request sent an unknown or revoked key: it is refused with
   * this error, but only after the rate limit has counted it by address, so
   * guessing keys costs a client its budget like any other request.
   */
  readonly refusal: AppError | null;
}

/**
 * The ONE place that decides who a request comes from: the API key in
 * `Authorization` when there is one, else the client's address.
 * X-Forwarded-For is believed only for the `trustProxy` proxies in front of
 * us (TRUST_PROXY): each appends the address it received from, so the client
 * is that many entries from the right; what a client writes further left is
 * its own claim and is ignored.
 */
export async function requestIdentity(
  req: IncomingMessage,
  config: Pick<Config, 'limits'>,
  principalOf: (req: IncomingMessage) => Promise<Principal | null>,
): Promise<RequestIdentity> {
  const address = `ip:${clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], config.limits.trustProxy)}`;
  try {
    const principal = await principalOf(req);
    if (principal) return { clientKey: `key:${principal.keyId}`, isEditor: true, principal, refusal: null };
    return { clientKey: address, isEditor: false, principal: null, refusal: null };
  } catch (error) {
    if (isAppError(error)) return { clientKey: address, isEditor: false, principal: null, refusal: error };
    throw error;
  }
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
