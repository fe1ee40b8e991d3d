/**
 * Keyset cursors: the sort value and id of the edge, tagged with the ordering
 * they belong to, base64url-encoded. Opaque to clients; a cursor from another
 * ordering or a forged one decodes to null.
 */
export interface CursorPosition {
  order: string;
  value: number;
  id: number;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.order, position.value, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, expectedOrder: string): CursorPosition | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [order, value, id] = parsed;
    if (order !== expectedOrder || !Number.isSafeInteger(value) || !Number.isSafeInteger(id) || id < 1) return null;
    return { order, value, id };
  } catch {
    return null;
  }
}
