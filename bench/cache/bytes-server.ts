import http from 'node:http';

/**
 * The baseline: plain node:http answering every request with the same bytes
 * from memory (the cached answer, received over IPC), with the same headers
 * a cache hit sends. Nothing can answer faster in Node.
 */
process.once('message', (message: { body: string; etag: string }) => {
  const body = Buffer.from(message.body, 'utf8');
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': body.length,
      'cache-control': 'public, max-age=60, stale-while-revalidate=300',
      etag: message.etag,
    });
    res.end(body);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as any).port }));
});
