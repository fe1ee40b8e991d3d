/**
 * Event cursors: the outbox id, base64url("ArticleEvent:<id>"). Opaque to
 * clients, and increasing in commit order, so "after" means "everything I
 * have not seen". Id 0 is "from the beginning".
 */
const PREFIX = 'ArticleEvent:';

export function encodeEventCursor(id: number): string {
  return Buffer.from(`${PREFIX}${id}`, 'utf8').toString('base64url');
}

/** The outbox id, or null for anything that is not one of our event cursors. */
export function decodeEventCursor(cursor: string): number | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) return null;
  const match = /^ArticleEvent:(0|[1-9][0-9]{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) ? id : null;
}
