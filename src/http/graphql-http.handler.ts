import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

// The largest legitimate request is importArticle's text (at most 5 MB) with JSON escaping,
// which can double it; the mutation answers a too-long text itself, saying what to do.
const MAX_BODY_BYTES = 12 * 1024 * 1024;

/**
 * Apollo Server on plain node:http, without Express: one less framework on the
 * hot path (every layer we add must be nearly free, see bench/).
 */
export function createGraphQLHttpHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  context: (req: IncomingMessage) => Promise<TContext>,
) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const raw = await readBody(req);
      if (raw === null) return sendJson(res, 413, { errors: [{ message: `Request body is over ${MAX_BODY_BYTES} bytes.`, extensions: { code: 'BAD_REQUEST' } }] });
      const contentType = headers.get('content-type') ?? '';
      if (contentType.includes('json')) {
        try {
          body = raw.length ? JSON.parse(raw) : undefined;
        } catch {
          return sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
        }
      } else {
        body = raw;
      }
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => context(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
