/**
 * Content-Security-Policy for the playground page: scripts, styles and fonts
 * from this origin only (GraphiQL's fonts and icons are data: URLs inside its
 * CSS), requests to this origin only. The WebSocket sources are spelled out
 * because CSP2 browsers do not let 'self' cover ws:/wss:. The style nonce is
 * for the one <style> element GraphiQL's dialogs inject (scroll lock); the
 * browser app hands it to that code as `__webpack_nonce__`.
 *
 * `host` is the request's Host header; anything that is not a plain host[:port]
 * is dropped rather than copied into a response header.
 */
export function playgroundContentSecurityPolicy(host: string | undefined, styleNonce: string): string {
  const sockets = webSocketSources(host);
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "font-src 'self' data:",
    "img-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** ` ws://host wss://host` for a plain host[:port] Host header, else nothing. */
export function webSocketSources(host: string | undefined): string {
  return host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? ` ws://${host} wss://${host}` : '';
}
