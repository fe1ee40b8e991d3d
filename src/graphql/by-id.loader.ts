import DataLoader from 'dataloader';

/** A per-request loader that batches lookups by id into one statement, in key order. */
export function byIdLoader<T extends { id: number }>(load: (ids: readonly number[]) => Promise<T[]>): DataLoader<number, T | null> {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = new Map((await load(ids)).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

/** A per-request loader for one-to-many lists keyed by a parent id. */
export function groupedLoader<T>(load: (ids: readonly number[]) => Promise<Array<{ key: number; value: T }>>): DataLoader<number, T[]> {
  return new DataLoader<number, T[]>(async (ids) => {
    const groups = new Map<number, T[]>(ids.map((id) => [id, []]));
    for (const { key, value } of await load(ids)) groups.get(key)?.push(value);
    return ids.map((id) => groups.get(id) ?? []);
  });
}
