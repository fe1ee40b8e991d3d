import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logging/logger';
import { loadPlaygroundAssets, toAsset, type PlaygroundAsset } from '../playground/playground.assets';
import { webSocketSources } from '../playground/playground.csp';
import { sendAsset } from '../playground/playground.handler';
import { headerAccepts } from '../playground/playground.negotiation';
import { READER_CSS, READER_LIVE_JS } from './reader.browser-assets';
import type { ReaderOperationRunner } from './reader.execute';
import type { Html } from './reader.html';
import { localHref, type PageContext } from './reader.layout';
import { renderArticlePage, renderCategoryPage, renderHomePage, renderMessagePage, renderSearchPage, type ArticleData } from './reader.pages';
import { parseReaderRoute, READER_ASSET_PREFIX, type ReaderRoute } from './reader.routes';
import { READER_STRINGS } from './reader.strings';

export interface ReaderHandlerOptions {
  publicBaseUrl: string;
  graphqlPath: string;
  run: ReaderOperationRunner;
  logger: Logger;
}

/** Pages change when articles do; a minute of caching keeps slow phones and proxies from asking again. */
const PAGE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/** Returns false for requests it leaves to others (non-GET, or a non-browser asking for a path that is not ours). */
export type ReaderHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * The web reader: pages rendered on the server from the operations in
 * reader.operations.ts, at the public article URLs. Works without JavaScript;
 * the one script only adds the live banner.
 */
export function createReaderHandler(options: ReaderHandlerOptions): ReaderHandler {
  const assets = loadReaderAssets();
  const assetUrl = (name: string): string => `${READER_ASSET_PREFIX}${name}?v=${assets.get(name)?.hash ?? ''}`;

  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const raw = req.url ?? '/';
    const queryStart = raw.indexOf('?');
    const path = queryStart === -1 ? raw : raw.slice(0, queryStart);
    const query = new URLSearchParams(queryStart === -1 ? '' : raw.slice(queryStart + 1));
    const route = parseReaderRoute(path, query, headerValue(req.headers['accept-language']));

    if (route.kind === 'asset') {
      const asset = assets.get(route.name);
      if (asset) sendAsset(req, res, asset);
      else res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }).end('Not found\n');
      return true;
    }
    // API clients asking for an unknown path keep the JSON 404.
    if (route.kind === 'notFound' && !headerAccepts(req.headers.accept, 'text/html')) return false;

    const ctx: PageContext = { language: route.language, publicBaseUrl: options.publicBaseUrl, graphqlPath: options.graphqlPath, assetUrl };
    let page: Page;
    try {
      page = await renderRoute(ctx, route, options.run);
    } catch (error) {
      options.logger.error({ err: error, path }, 'reader page failed');
      page = { status: 500, html: renderMessagePage(ctx, 'error') };
    }
    sendPage(req, res, page, route.kind === 'home' && !route.chosen);
    return true;
  };
}

type Page = { status: number; html: Html } | { status: number; location: string };

async function renderRoute(ctx: PageContext, route: Exclude<ReaderRoute, { kind: 'asset' }>, run: ReaderOperationRunner): Promise<Page> {
  const notFound = { status: 404, html: renderMessagePage(ctx, 'notFound') };
  switch (route.kind) {
    case 'notFound':
      return notFound;
    case 'home': {
      const data = ensure(await run('ReaderHome', { language: route.language }));
      return { status: 200, html: renderHomePage(ctx, data) };
    }
    case 'search': {
      const text = route.query.trim();
      if (!text) return { status: 200, html: renderSearchPage(ctx, '', null, null) };
      const result = await run('ReaderSearch', { query: text, language: route.language, after: route.after });
      // Empty, too long, only stop words, a stale cursor: say what to type instead.
      if (isBadInput(result.errors)) return { status: 400, html: renderSearchPage(ctx, route.query, null, READER_STRINGS[ctx.language].searchHint) };
      return { status: 200, html: renderSearchPage(ctx, route.query, ensure(result).search, null) };
    }
    case 'section': {
      const result = await run('ReaderCategory', { slug: route.slug, language: route.language, after: route.after });
      if (isBadInput(result.errors)) return notFound;
      const category = ensure(result).category;
      if (category) return { status: 200, html: renderCategoryPage(ctx, category, route.after) };
      // Not a category: an article without one has its public page here.
      return articlePage(ctx, await readArticle(run, route.slug, route.language), null) ?? notFound;
    }
    case 'article':
      return articlePage(ctx, await readArticle(run, route.slug, route.language), route.categorySlug) ?? notFound;
  }
}

async function readArticle(run: ReaderOperationRunner, slug: string, language: string): Promise<ArticleData | null> {
  const result = await run('ReaderArticle', { slug, language });
  if (isBadInput(result.errors)) return null;
  return ensure(result).article;
}

/** The page is the article's public URL: any other path to it redirects there. */
function articlePage(ctx: PageContext, article: ArticleData | null, categorySlug: string | null): Page | null {
  if (!article) return null;
  if ((article.category?.slug ?? null) !== categorySlug) return { status: 301, location: localHref(ctx, article.url) };
  return { status: 200, html: renderArticlePage(ctx, article) };
}

function ensure(result: { data?: any; errors?: readonly GraphQLFormattedError[] }): any {
  if (result.errors?.length || !result.data) {
    throw new Error(`reader operation failed: ${result.errors?.map((error) => error.message).join('; ') ?? 'no data'}`);
  }
  return result.data;
}

function isBadInput(errors: readonly GraphQLFormattedError[] | undefined): boolean {
  return !!errors?.length && errors.every((error) => error.extensions?.code === 'BAD_USER_INPUT');
}

function sendPage(req: IncomingMessage, res: ServerResponse, page: Page, variesByLanguage: boolean): void {
  const common: Record<string, string | number> = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin' };
  if ('location' in page) {
    res.writeHead(301, { ...common, Location: page.location, 'Cache-Control': PAGE_CACHE_CONTROL }).end();
    return;
  }
  const body = Buffer.from(page.html.value, 'utf8');
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  const gzip = headerAccepts(headerValue(req.headers['accept-encoding']), 'gzip', '*');
  const headers: Record<string, string | number> = {
    ...common,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': readerContentSecurityPolicy(req.headers.host),
    'Cache-Control': page.status === 500 ? 'no-store' : PAGE_CACHE_CONTROL,
    Vary: variesByLanguage ? 'Accept-Encoding, Accept-Language' : 'Accept-Encoding',
  };
  if (page.status === 200) {
    headers.ETag = etag;
    if (ifNoneMatch(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers).end();
      return;
    }
  }
  const payload = gzip ? gzipSync(body) : body;
  if (gzip) headers['Content-Encoding'] = 'gzip';
  headers['Content-Length'] = payload.length;
  res.writeHead(page.status, headers);
  res.end(req.method === 'HEAD' ? undefined : payload);
}

function ifNoneMatch(header: string | undefined, etag: string): boolean {
  return !!header && header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Everything from this origin: the stylesheet and scripts are files (no
 * inline code), images only from this site, the banner's WebSocket to this host.
 */
export function readerContentSecurityPolicy(host: string | undefined): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${webSocketSources(host)}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The stylesheet, the banner script and graphql-ws's browser build (the playground's copy). */
function loadReaderAssets(): ReadonlyMap<string, PlaygroundAsset> {
  const graphqlWs = loadPlaygroundAssets().get('graphql-ws.min.js');
  if (!graphqlWs) throw new Error('graphql-ws browser build missing from the playground assets');
  return new Map([
    ['reader.css', toAsset('text/css; charset=utf-8', Buffer.from(READER_CSS, 'utf8'))],
    ['live.js', toAsset('text/javascript; charset=utf-8', Buffer.from(READER_LIVE_JS, 'utf8'))],
    ['graphql-ws.min.js', graphqlWs],
  ]);
}
