import type http from 'node:http';

export interface DrainResult {
  /** Requests still running when the grace period ended; their connections were cut. */
  cut: number;
  elapsedMs: number;
}

/**
 * Tracks the HTTP requests in flight, and drains them on shutdown: stop
 * listening (new connections are refused), close idle keep-alive
 * connections, answer every request still arriving on a busy connection with
 * `connection: close`, and wait for the last response up to `graceMs`; only
 * then are the remaining connections cut.
 */
export class HttpDrain {
  private readonly active = new Set<http.ServerResponse>();
  private draining = false;
  private onIdle: (() => void) | null = null;

  get isDraining(): boolean {
    return this.draining;
  }

  get inFlight(): number {
    return this.active.size;
  }

  /** Call first thing for every request. */
  track(res: http.ServerResponse): void {
    this.active.add(res);
    if (this.draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      this.active.delete(res);
      if (this.active.size === 0) this.onIdle?.();
    });
  }

  async drain(server: http.Server, graceMs: number): Promise<DrainResult> {
    const startedAt = Date.now();
    this.draining = true;
    if (server.listening) server.close();
    server.closeIdleConnections();
    // Responses not yet started close their connection when done, so no client sends another request on it.
    for (const res of this.active) if (!res.headersSent) res.setHeader('connection', 'close');
    if (this.active.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        this.onIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.onIdle = null;
    }
    const cut = this.active.size;
    // Keep-alive connections that were between requests all along, and requests over the deadline.
    server.closeAllConnections();
    return { cut, elapsedMs: Date.now() - startedAt };
  }
}
