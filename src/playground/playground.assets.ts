import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { constants as zlibConstants, gzipSync } from 'node:zlib';
import { PLAYGROUND_APP_CSS, PLAYGROUND_APP_JS } from './playground.browser-app';

export interface PlaygroundAsset {
  readonly contentType: string;
  readonly body: Buffer;
  readonly gzipped: Buffer;
  /** Content hash; the ETag of the identity body and the page's cache-busting `?v=`. */
  readonly hash: string;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/**
 * The only files the playground serves: URL name -> package file. Nothing
 * outside this list is ever read, so request paths never reach the disk.
 */
const VENDOR_FILES: Readonly<Record<string, { pkg: string; file: string; contentType: string }>> = {
  'react.production.min.js': { pkg: 'react', file: 'umd/react.production.min.js', contentType: JS },
  'react-dom.production.min.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', contentType: JS },
  'graphiql.min.js': { pkg: 'graphiql', file: 'graphiql.min.js', contentType: JS },
  'graphiql.min.css': { pkg: 'graphiql', file: 'graphiql.min.css', contentType: CSS },
  'graphql-ws.min.js': { pkg: 'graphql-ws', file: 'umd/graphql-ws.min.js', contentType: JS },
};

let loaded: ReadonlyMap<string, PlaygroundAsset> | undefined;

/** Reads, hashes and gzips every asset once per process (~1.5 MB, ~50 ms). */
export function loadPlaygroundAssets(): ReadonlyMap<string, PlaygroundAsset> {
  if (loaded) return loaded;
  const assets = new Map<string, PlaygroundAsset>();
  for (const [name, { pkg, file, contentType }] of Object.entries(VENDOR_FILES)) {
    assets.set(name, toAsset(contentType, stripSourceMapComment(readFileSync(packageFile(pkg, file)))));
  }
  assets.set('app.js', toAsset(JS, Buffer.from(PLAYGROUND_APP_JS, 'utf8')));
  assets.set('app.css', toAsset(CSS, Buffer.from(PLAYGROUND_APP_CSS, 'utf8')));
  loaded = assets;
  return assets;
}

/** These packages hide their UMD files behind "exports" but all export package.json. */
function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** We do not serve the .map files; dropping the pointer spares devtools a 404. */
function stripSourceMapComment(body: Buffer): Buffer {
  const text = body.toString('utf8');
  const stripped = text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  return stripped === text ? body : Buffer.from(stripped, 'utf8');
}

export function toAsset(contentType: string, body: Buffer): PlaygroundAsset {
  return {
    contentType,
    body,
    gzipped: gzipSync(body, { level: zlibConstants.Z_BEST_COMPRESSION }),
    hash: createHash('sha256').update(body).digest('base64url').slice(0, 22),
  };
}
