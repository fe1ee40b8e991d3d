import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import WebSocket from 'ws';

/** A real graphql-ws client (graphql-transport-ws over the `ws` package) for a test server's base URL. */
export function wsClient(baseUrl: string, options: Partial<ClientOptions> = {}): Client {
  return createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    ...options,
  });
}

export interface Subscription<T> {
  /** `data` of each `next` message, in arrival order. */
  readonly events: T[];
  /** GraphQL errors (from `next` or `error` messages) and socket failures. */
  readonly errors: unknown[];
  readonly completed: boolean;
  /** Resolves with the first `count` events, or rejects after `timeoutMs` saying what did arrive. */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  stop(): void;
}

export function subscribe<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}): Subscription<T> {
  const events: T[] = [];
  const errors: unknown[] = [];
  let completed = false;
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) events.push(result.data as T);
      },
      error: (error) => {
        errors.push(...(Array.isArray(error) ? error : [error]));
        completed = true;
      },
      complete: () => {
        completed = true;
      },
    },
  );
  return {
    events,
    errors,
    get completed() {
      return completed;
    },
    async waitFor(count, timeoutMs = 5_000) {
      await waitUntil(() => events.length >= count || errors.length > 0, timeoutMs, () => `${events.length} of ${count} events`);
      if (errors.length) throw new Error(`subscription failed: ${JSON.stringify(errors)}`);
      return events.slice(0, count);
    },
    stop,
  };
}

export async function waitUntil(condition: () => boolean, timeoutMs = 5_000, describe: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
