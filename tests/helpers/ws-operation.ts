import type { Client } from 'graphql-ws';

export interface WsResult {
  data?: any;
  errors?: any[];
  /** Set when the socket closed instead of answering (e.g. 4403 for a rejected key). */
  closeCode?: number;
}

/** Runs one query or mutation over a graphql-ws client and resolves with its result, or how the socket closed. */
export function runOverWs(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<WsResult> {
  return new Promise((resolve) => {
    let result: WsResult = {};
    client.subscribe(
      { query, variables },
      {
        next: (value) => {
          result = { data: value.data, errors: value.errors as any[] | undefined };
        },
        error: (error) => {
          if (Array.isArray(error)) resolve({ errors: error });
          else resolve({ closeCode: (error as { code?: number }).code });
        },
        complete: () => resolve(result),
      },
    );
  });
}
