/** `?, ?, ?` for an IN list or a VALUES row. */
export function marks(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/**
 * Slices of at most `size`: multi-row statements stay under SQLite's bound
 * parameter limit (32,766) and full slices reuse one prepared statement.
 */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** SQLite answers booleans as 0/1, PostgreSQL as true/false. */
export function sqlBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}
