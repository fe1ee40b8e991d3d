import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const MAX_LENGTH = 128;
// What proxies and tracing tools send (UUIDs, hex, base64url, "svc-123.4:5"); nothing that could forge a log field or a header.
const SAFE = /^[A-Za-z0-9._:/+=-]+$/;

/**
 * The request's id: the caller's `x-request-id` when it is a plausible id
 * (1-128 safe characters), so one id follows a request through proxies and
 * services; otherwise a new UUID. Never the caller's text unchecked: it ends
 * up in headers and log lines.
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  const trimmed = value?.trim();
  if (trimmed && trimmed.length <= MAX_LENGTH && SAFE.test(trimmed)) return trimmed;
  return randomUUID();
}

const REQUEST_ID = Symbol('habari.requestId');
type WithRequestId = IncomingMessage & { [REQUEST_ID]?: string };

/** Gives `req` its id (once) and returns it; later readers (the GraphQL context) get the same one. */
export function assignRequestId(req: IncomingMessage): string {
  const tagged = req as WithRequestId;
  return (tagged[REQUEST_ID] ??= requestIdFrom(req.headers[REQUEST_ID_HEADER]));
}
