import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { loadPlaygroundAssets } from './playground.assets';
import { PLAYGROUND_EXAMPLES } from './playground.examples';
import { createPlaygroundHandler } from './playground.handler';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** True when the handler returned false and the server's own fallback answered. */
  passedOn: boolean;
}

let server: Server;
let port: number;

beforeAll(async () => {
  const playground = createPlaygroundHandler({ graphqlPath: '/graphql' });
  server = createServer((req, res) => {
    if (!playground(req, res)) res.writeHead(404, { 'x-fallback': '1' }).end('fallback');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** node:http rather than fetch: no automatic decompression, no path normalisation. */
function send(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          passedOn: res.headers['x-fallback'] === '1',
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const getPage = (path = '/graphql') => send(path, { accept: BROWSER_ACCEPT });

function parseCsp(header: string | string[] | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const directive of String(header).split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

function attributeUrls(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)\s*=\s*["']([^"']*)["']/gi)].map((match) => match[1]);
}

function pageConfig(html: string): { graphqlPath: string; examples: unknown; styleNonce: string } {
  const match = /<script type="application\/json" id="habari-playground-config">([^<]*)<\/script>/.exec(html);
  if (!match) throw new Error('no config block in the page');
  return JSON.parse(match[1]);
}

/** Local means this origin: a path (not `//host`) or an inline data: URL. */
function isLocalUrl(url: string): boolean {
  const value = url.trim().replace(/^["']|["']$/g, '');
  return value.startsWith('data:') || (!value.startsWith('//') && !/^[a-z][a-z0-9+.-]*:/i.test(value));
}

/**
 * Places where JS or CSS makes the browser load a URL, followed by an absolute
 * one. Plain strings (licence links, the SVG namespace, <a href> in the UI)
 * are not loads and are deliberately not matched.
 */
const ABSOLUTE_LOAD =
  /(?:\bsrc\s*[:=]\s*|\burl\(\s*|@import\s+(?:url\(\s*)?|\b(?:import|importScripts|fetch|Worker|SharedWorker|EventSource|WebSocket)\(\s*)["'`]?(?:[a-z][a-z0-9+.-]*:)?\/\//gi;

describe('the playground page', () => {
  it('is served to browsers with a strict CSP', async () => {
    const reply = await getPage();
    expect(reply.status).toBe(200);
    expect(reply.passedOn).toBe(false);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers.vary).toBe('Accept');
    expect(reply.headers['cache-control']).toBe('no-store');

    const html = reply.body.toString('utf8');
    expect(html).toContain('<title>Habari GraphQL playground</title>');
    const csp = parseCsp(reply.headers['content-security-policy']);
    expect(String(reply.headers['content-security-policy'])).not.toMatch(/unsafe-(inline|eval)|\*/);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'", `'nonce-${pageConfig(html).styleNonce}'`]);
    expect(csp.get('connect-src')).toEqual(["'self'", `ws://127.0.0.1:${port}`, `wss://127.0.0.1:${port}`]);
    expect(csp.get('font-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    // Nothing inline for CSP to refuse: every script has a src, no style element or attribute.
    expect(html).not.toMatch(/<script(?![^>]*\b(src=|type="application\/json"))/);
    expect(html).not.toMatch(/<style|\sstyle=/);
  });

  it('uses a fresh style nonce for every response', async () => {
    const nonces = await Promise.all([getPage(), getPage()]).then((replies) =>
      replies.map((reply) => pageConfig(reply.body.toString('utf8')).styleNonce),
    );
    expect(nonces[0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('is also served with a trailing slash', async () => {
    const reply = await getPage('/graphql/');
    expect(reply.status).toBe(200);
    expect(reply.body.toString('utf8')).toContain('Habari GraphQL playground');
  });

  it('carries the example operations and the endpoint to the browser app', async () => {
    const config = pageConfig((await getPage()).body.toString('utf8'));
    expect(config.graphqlPath).toBe('/graphql');
    expect(config.examples).toEqual(PLAYGROUND_EXAMPLES);
    const names = PLAYGROUND_EXAMPLES.map((example) => /query (\w+)/.exec(example.query)?.[1]);
    expect(names).toEqual(['LatestSwahili', 'SeedArticle', 'Categories']);
  });

  it('leaves the Host header out of the CSP when it is not a plain host name', async () => {
    const reply = await send('/graphql', { accept: BROWSER_ACCEPT, host: 'evil.example/x "y' });
    expect(reply.status).toBe(200);
    expect(parseCsp(reply.headers['content-security-policy']).get('connect-src')).toEqual(["'self'"]);
  });

  it.each([
    ['a JSON client', '/graphql', { accept: 'application/json' }, 'GET'],
    ['a client with no Accept header', '/graphql', {}, 'GET'],
    ['curl (*/*)', '/graphql', { accept: '*/*' }, 'GET'],
    ['a browser GET carrying a query', '/graphql?query=%7B__typename%7D', { accept: BROWSER_ACCEPT }, 'GET'],
    ['a browser POST', '/graphql', { accept: BROWSER_ACCEPT }, 'POST'],
    ['another path', '/graphqlx', { accept: BROWSER_ACCEPT }, 'GET'],
    ['the root', '/', { accept: BROWSER_ACCEPT }, 'GET'],
  ])('is not served to %s', async (_who, path, headers, method) => {
    const reply = await send(path, headers, method);
    expect(reply.passedOn).toBe(true);
  });
});

describe('the playground assets', () => {
  const assetNames = [...loadPlaygroundAssets().keys()];
  const assetPath = (name: string) => `/graphql/playground/${name}`;

  it('are exactly the files the page references, all on this origin', async () => {
    const html = (await getPage()).body.toString('utf8');
    const urls = attributeUrls(html);
    expect(urls.filter((url) => !isLocalUrl(url))).toEqual([]);
    expect(html).not.toMatch(/url\(|@import/);
    const referenced = urls.filter((url) => !url.startsWith('data:')).map((url) => new URL(url, 'http://x').pathname);
    expect(referenced.sort()).toEqual(assetNames.map(assetPath).sort());
  });

  it.each(assetNames)('%s loads nothing from another origin', async (name) => {
    const reply = await send(assetPath(name));
    expect(reply.status).toBe(200);
    const text = reply.body.toString('utf8');
    expect(text.match(ABSOLUTE_LOAD) ?? []).toEqual([]);
    expect(text).not.toContain('sourceMappingURL');
    if (name.endsWith('.css')) {
      const cssUrls = [...text.matchAll(/url\(\s*([^)]*?)\s*\)/g)].map((match) => match[1]);
      const imports = [...text.matchAll(/@import\s+([^;]+);/g)].map((match) => match[1]);
      expect([...cssUrls, ...imports].filter((url) => !isLocalUrl(url))).toEqual([]);
    }
  });

  it.each([
    ['graphiql.min.js', 'text/javascript; charset=utf-8'],
    ['graphiql.min.css', 'text/css; charset=utf-8'],
    ['react.production.min.js', 'text/javascript; charset=utf-8'],
    ['react-dom.production.min.js', 'text/javascript; charset=utf-8'],
    ['graphql-ws.min.js', 'text/javascript; charset=utf-8'],
    ['app.js', 'text/javascript; charset=utf-8'],
    ['app.css', 'text/css; charset=utf-8'],
  ])('serves %s as %s, cacheable for a day', async (name, contentType) => {
    const reply = await send(`${assetPath(name)}?v=anything`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(contentType);
    expect(reply.headers['cache-control']).toBe('public, max-age=86400');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers.etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(reply.headers['content-length']).toBe(String(reply.body.length));
  });

  it('answers 304 when the ETag still matches, and 200 when it does not', async () => {
    const first = await send(assetPath('graphiql.min.js'));
    const etag = String(first.headers.etag);

    const same = await send(assetPath('graphiql.min.js'), { 'if-none-match': etag });
    expect(same.status).toBe(304);
    expect(same.body.length).toBe(0);
    expect(same.headers.etag).toBe(etag);

    expect((await send(assetPath('graphiql.min.js'), { 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
    expect((await send(assetPath('graphiql.min.js'), { 'if-none-match': '"other"' })).status).toBe(200);
    // The page's ?v= changes whenever the file does, so a new release is fetched at once.
    expect((await getPage()).body.toString('utf8')).toContain(`graphiql.min.js?v=${etag.slice(1, -1)}`);
  });

  it('is gzipped when the client accepts it, and identical once decompressed', async () => {
    const plain = await send(assetPath('graphiql.min.js'));
    const zipped = await send(assetPath('graphiql.min.js'), { 'accept-encoding': 'gzip, deflate, br' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(zipped.headers.etag).not.toBe(plain.headers.etag);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);

    const revalidated = await send(assetPath('graphiql.min.js'), {
      'accept-encoding': 'gzip',
      'if-none-match': String(zipped.headers.etag),
    });
    expect(revalidated.status).toBe(304);
  });

  it.each([
    ['gzip;q=0', undefined],
    ['br', undefined],
    ['*', 'gzip'],
    ['identity, GZIP;q=0.5', 'gzip'],
  ])('picks the encoding for Accept-Encoding "%s"', async (acceptEncoding, expected) => {
    const reply = await send(assetPath('app.js'), { 'accept-encoding': acceptEncoding });
    expect(reply.headers['content-encoding']).toBe(expected);
  });

  it('answers HEAD with the headers only', async () => {
    const reply = await send(assetPath('app.css'), {}, 'HEAD');
    expect(reply.status).toBe(200);
    expect(Number(reply.headers['content-length'])).toBeGreaterThan(0);
    expect(reply.body.length).toBe(0);
  });

  it.each([
    '/graphql/playground/',
    '/graphql/playground/nope.js',
    '/graphql/playground/graphiql.min.js.map',
    '/graphql/playground/../../../../etc/passwd',
    '/graphql/playground/..%2f..%2fpackage.json',
    '/graphql/playground/%2e%2e/%2e%2e/package.json',
    '/graphql/playground//etc/passwd',
    '/graphql/playground/umd/react.production.min.js',
    '/graphql/playground/app.js/',
    '/graphql/playground/__proto__',
    '/graphql/playground/constructor',
  ])('answers 404 for %s', async (path) => {
    const reply = await send(path);
    expect(reply.status).toBe(404);
    expect(reply.passedOn).toBe(false);
    expect(reply.body.toString('utf8')).toBe('Not found\n');
  });

  it('leaves other methods on asset paths to the server', async () => {
    expect((await send(assetPath('app.js'), {}, 'POST')).passedOn).toBe(true);
  });
});

describe('createPlaygroundHandler', () => {
  it('rejects a graphqlPath that is not absolute', () => {
    expect(() => createPlaygroundHandler({ graphqlPath: 'graphql' })).toThrow('must start with "/"');
  });

  it('serves under any graphqlPath, trailing slash or not', async () => {
    const handler = createPlaygroundHandler({ graphqlPath: '/api/graphql/' });
    const other = createServer((req, res) => {
      if (!handler(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      const page = await fetch(`${base}/api/graphql`, { headers: { accept: 'text/html' } });
      const html = await page.text();
      expect(page.status).toBe(200);
      expect(pageConfig(html).graphqlPath).toBe('/api/graphql');
      expect(html).toContain('src="/api/graphql/playground/app.js?v=');
      expect((await fetch(`${base}/api/graphql/playground/app.js`)).status).toBe(200);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
