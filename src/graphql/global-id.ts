/**
 * Opaque global IDs: base64url("Type:localId"). Clients must not parse them;
 * we keep them stable so cached IDs survive deploys.
 */
export type NodeTypeName = 'Article' | 'Category' | 'Source' | 'Image';
const NODE_TYPES: readonly string[] = ['Article', 'Category', 'Source', 'Image'];

export function toGlobalId(type: NodeTypeName, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** Returns null for anything that is not one of our IDs. */
export function fromGlobalId(globalId: string): { type: NodeTypeName; id: number } | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Za-z]+):([1-9][0-9]{0,15})$/.exec(decoded);
  if (!match || !NODE_TYPES.includes(match[1])) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) ? { type: match[1] as NodeTypeName, id } : null;
}
