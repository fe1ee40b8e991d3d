import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadPlaygroundAssets, type PlaygroundAsset } from './playground.assets';
import { playgroundContentSecurityPolicy } from './playground.csp';
import { PLAYGROUND_EXAMPLES } from './playground.examples';
import { headerAccepts } from './playground.negotiation';
import { renderPlaygroundPage } from './playground.page';

export type PlaygroundHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Serves GraphiQL from this process, never from a CDN: the page at
 * `graphqlPath` (browsers only) and its files under `graphqlPath/playground/`.
 * Returns false for every request it leaves to the GraphQL server.
 */
export function createPlaygroundHandler(options: { graphqlPath: string }): PlaygroundHandler {
  if (!options.graphqlPath.startsWith('/')) {
    throw new Error(`graphqlPath must start with "/", got "${options.graphqlPath}"`);
  }
  const graphqlPath = options.graphqlPath.replace(/\/+$/, '');
  const pagePaths = new Set([graphqlPath || '/', `${graphqlPath}/`]);
  const assetPrefix = `${graphqlPath}/playground/`;
  // Loaded now so a missing package fails at start, not on the first visit.
  const assets = loadPlaygroundAssets();
  const assetUrl = (name: string): string => `${assetPrefix}${name}?v=${assets.get(name)?.hash ?? ''}`;

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    // The raw path, not a normalised URL: "/graphql/playground/../x" must stay
    // inside our namespace (and miss the whitelist) instead of resolving elsewhere.
    const url = req.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart === -1 ? url : url.slice(0, queryStart);

    if (pagePaths.has(path)) {
      const query = new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1));
      // GET with ?query= is a GraphQL request, whatever the Accept header says.
      if (query.has('query') || !headerAccepts(req.headers.accept, 'text/html')) return false;
      sendPage(req, res, graphqlPath || '/', assetUrl);
      return true;
    }
    if (!path.startsWith(assetPrefix)) return false;
    const asset = assets.get(path.slice(assetPrefix.length));
    if (asset) sendAsset(req, res, asset);
    else res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }).end('Not found\n');
    return true;
  };
}

function sendPage(req: IncomingMessage, res: ServerResponse, graphqlPath: string, assetUrl: (name: string) => string): void {
  const styleNonce = randomBytes(16).toString('base64');
  const html = renderPlaygroundPage({ graphqlPath, assetUrl, examples: PLAYGROUND_EXAMPLES, styleNonce });
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Content-Security-Policy': playgroundContentSecurityPolicy(req.headers.host, styleNonce),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // Fresh nonce per response; and the same URL answers JSON to non-browsers.
    'Cache-Control': 'no-store',
    Vary: 'Accept',
  });
  res.end(html);
}

export function sendAsset(req: IncomingMessage, res: ServerResponse, asset: PlaygroundAsset): void {
  const gzip = headerAccepts(req.headers['accept-encoding'], 'gzip', '*');
  const headers: Record<string, string | number> = {
    'Content-Type': asset.contentType,
    'Cache-Control': 'public, max-age=86400',
    ETag: gzip ? `"${asset.hash}-gzip"` : `"${asset.hash}"`,
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
  };
  if (matchesETag(req.headers['if-none-match'], asset.hash)) {
    res.writeHead(304, headers).end();
    return;
  }
  const body = gzip ? asset.gzipped : asset.body;
  if (gzip) headers['Content-Encoding'] = 'gzip';
  headers['Content-Length'] = body.length;
  res.writeHead(200, headers).end(body);
}

/** Either encoding's tag validates: both carry the same bytes once decoded. */
function matchesETag(ifNoneMatch: string | undefined, hash: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const opaque = tag.trim().replace(/^W\//, '');
    return opaque === '*' || opaque === `"${hash}"` || opaque === `"${hash}-gzip"`;
  });
}
