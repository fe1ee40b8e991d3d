/**
 * A small typed client for Habari, for app teams: the operations are the web
 * reader's own (src/reader/reader.operations.ts), typed by GraphQL Code
 * Generator from schema.graphql into ./gql. Queries go as GET with an
 * automatic persisted query (a 64-character hash instead of the document,
 * cacheable by browsers and proxies), falling back to sending the document once
 * when the server has not seen it; mutations go as POST.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type OperationDefinitionNode } from 'graphql';

export interface HabariClientOptions {
  /** e.g. "https://news.example.org/graphql" */
  endpoint: string;
  /** Sent as Authorization (editor keys) when given. */
  authorization?: string;
  fetch?: typeof fetch;
}

export class HabariError extends Error {
  constructor(
    readonly errors: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>,
    readonly status: number,
  ) {
    super(errors.map((error) => error.message).join('; '));
    this.name = 'HabariError';
  }
}

interface Prepared {
  text: string;
  hash: string;
  operationName: string | undefined;
  kind: OperationDefinitionNode['operation'];
}

export interface HabariClient {
  /** Runs a query (GET + persisted hash) or mutation (POST); resolves to `data`, typed by the document. */
  request<TData, TVariables extends Record<string, unknown>>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Promise<TData>;
  /** How the last request went: "persisted" (hash only), "registered" (hash + document after a miss) or "post". */
  readonly lastTransport: 'persisted' | 'registered' | 'post' | null;
}

export function createHabariClient(options: HabariClientOptions): HabariClient {
  const doFetch = options.fetch ?? fetch;
  const prepared = new WeakMap<object, Promise<Prepared>>();
  let lastTransport: HabariClient['lastTransport'] = null;

  const prepare = (document: TypedDocumentNode<unknown, any>): Promise<Prepared> => {
    let entry = prepared.get(document);
    if (!entry) {
      entry = (async () => {
        const text = print(document);
        const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
        const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
        if (!operation) throw new Error('the document has no operation');
        return { text, hash: Buffer.from(digest).toString('hex'), operationName: operation.name?.value, kind: operation.operation };
      })();
      prepared.set(document, entry);
    }
    return entry;
  };

  const headers = (extra: Record<string, string>): Record<string, string> => ({
    accept: 'application/graphql-response+json, application/json',
    ...(options.authorization ? { authorization: options.authorization } : {}),
    ...extra,
  });

  const send = async (url: string, init: RequestInit): Promise<{ status: number; body: { data?: unknown; errors?: HabariError['errors'] } }> => {
    const response = await doFetch(url, init);
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: HabariError['errors'] } };
  };

  const get = (operation: Prepared, variables: Record<string, unknown>, withDocument: boolean) => {
    const params = new URLSearchParams();
    if (withDocument) params.set('query', operation.text);
    if (operation.operationName) params.set('operationName', operation.operationName);
    params.set('variables', JSON.stringify(variables));
    params.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: operation.hash } }));
    // A GET needs a header a plain HTML form cannot send, or Apollo's CSRF prevention refuses it.
    return send(`${options.endpoint}?${params}`, { method: 'GET', headers: headers({ 'apollo-require-preflight': 'true' }) });
  };

  return {
    get lastTransport() {
      return lastTransport;
    },
    async request(document, variables) {
      const operation = await prepare(document);
      let result;
      if (operation.kind === 'query') {
        result = await get(operation, variables, false);
        lastTransport = 'persisted';
        if (result.body.errors?.some((error) => error.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) {
          result = await get(operation, variables, true);
          lastTransport = 'registered';
        }
      } else {
        result = await send(options.endpoint, {
          method: 'POST',
          headers: headers({ 'content-type': 'application/json' }),
          body: JSON.stringify({ query: operation.text, operationName: operation.operationName, variables }),
        });
        lastTransport = 'post';
      }
      if (result.body.errors?.length || result.body.data == null) throw new HabariError(result.body.errors ?? [], result.status);
      return result.body.data as never;
    },
  };
}
