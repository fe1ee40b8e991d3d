import type { ServerResponse } from 'node:http';
import type { AppError } from '../errors/error.catalogue';

/**
 * The answer to a request whose Authorization names no valid key, sent
 * before its body is read or any operation runs: 401, the catalogue error
 * in the GraphQL response shape, and the scheme to use.
 */
export function sendUnauthenticated(res: ServerResponse, error: AppError): void {
  const text = JSON.stringify({ errors: [{ message: error.message, extensions: error.extensions }] });
  res.writeHead(401, {
    'content-type': 'application/graphql-response+json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'www-authenticate': 'Bearer realm="habari"',
  });
  res.end(text);
}
