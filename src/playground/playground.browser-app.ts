/**
 * The two small files of our own that the playground page loads. They are
 * served as files, not inlined, so the page's CSP needs no 'unsafe-inline'.
 * They live in strings because tsc does not copy .js/.css files into dist/.
 *
 * The script reads its settings from the page's JSON data block, so it is the
 * same for every request and can be cached like the vendor files.
 */
export const PLAYGROUND_APP_JS = `'use strict';
(function () {
  const config = JSON.parse(document.getElementById('habari-playground-config').textContent);
  const endpoint = new URL(config.graphqlPath, window.location.href);
  const subscriptionUrl =
    (endpoint.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + endpoint.host + endpoint.pathname;

  // Radix dialogs inject one <style> element; this nonce lets the page's CSP accept it.
  window.__webpack_nonce__ = config.styleNonce;

  // GraphiQL bundles its own graphql-ws; we pass a client from the graphql-ws
  // version the server runs, so both ends speak the same protocol release.
  const fetcher = GraphiQL.createFetcher({
    url: endpoint.href,
    subscriptionUrl: subscriptionUrl,
    wsClient: graphqlWs.createClient({ url: subscriptionUrl, lazy: true }),
  });

  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: config.examples,
      defaultEditorToolsVisibility: false,
    }),
  );
})();
`;

export const PLAYGROUND_APP_CSS = `html, body, #graphiql {
  height: 100%;
  margin: 0;
}
`;
