import type { PlaygroundExample } from './playground.examples';

export interface PlaygroundPageInput {
  /** Where the browser should POST operations and open the WebSocket. */
  readonly graphqlPath: string;
  /** URL of a served asset by name, e.g. `/graphql/playground/app.js?v=...`. */
  readonly assetUrl: (name: string) => string;
  readonly examples: readonly PlaygroundExample[];
  readonly styleNonce: string;
}

/**
 * The GraphiQL page: no inline script or style, every URL on this origin.
 * Settings travel in a JSON data block, which CSP does not treat as script.
 */
export function renderPlaygroundPage(input: PlaygroundPageInput): string {
  const config = { graphqlPath: input.graphqlPath, examples: input.examples, styleNonce: input.styleNonce };
  const stylesheet = (name: string) => `  <link rel="stylesheet" href="${escapeAttribute(input.assetUrl(name))}">`;
  const script = (name: string) => `  <script defer src="${escapeAttribute(input.assetUrl(name))}"></script>`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '  <meta charset="utf-8">',
    '  <meta name="viewport" content="width=device-width, initial-scale=1">',
    '  <title>Habari GraphQL playground</title>',
    // An empty icon stops the browser asking the API for /favicon.ico.
    '  <link rel="icon" href="data:,">',
    stylesheet('graphiql.min.css'),
    stylesheet('app.css'),
    script('react.production.min.js'),
    script('react-dom.production.min.js'),
    script('graphql-ws.min.js'),
    script('graphiql.min.js'),
    script('app.js'),
    `  <script type="application/json" id="habari-playground-config">${jsonForScriptElement(config)}</script>`,
    '</head>',
    '<body>',
    '  <div id="graphiql">Loading the playground…</div>',
    '  <noscript>The GraphQL playground needs JavaScript.</noscript>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** `<` escaped so no string in the data can close the script element. */
function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
