/** A Relay connection as the services return it; `countTotal` runs only when a client asks for totalCount. */
export interface Connection<TNode> {
  edges: Array<{ cursor: string; node: TNode }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  countTotal: () => Promise<number>;
}

/** Builds a connection from edges already in display order; start and end cursors come from them. */
export function toConnection<TNode>(
  edges: Array<{ cursor: string; node: TNode }>,
  pages: { hasNextPage: boolean; hasPreviousPage: boolean },
  countTotal: () => Promise<number>,
): Connection<TNode> {
  return {
    edges,
    pageInfo: { ...pages, startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
    countTotal,
  };
}
