import type { DataSource } from 'typeorm';

/**
 * Row counts of every table: equal snapshots mean no row was added or removed.
 * SQLite FTS5 shadow tables (x_data, x_idx...) are storage, not rows: they are left out.
 */
export async function tableCounts(dataSource: DataSource): Promise<Record<string, number>> {
  let tables: Array<{ name: string; sql?: string }>;
  if (dataSource.options.type === 'postgres') {
    tables = await dataSource.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
  } else {
    tables = await dataSource.query(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
    const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => `${t.name}_`);
    tables = tables.filter((t) => !virtual.some((prefix) => t.name.startsWith(prefix)));
  }
  const counts: Record<string, number> = {};
  for (const { name } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    counts[name] = Number((await dataSource.query(`SELECT count(*) AS n FROM "${name}"`))[0].n);
  }
  return counts;
}

/** What identifies and dates each article row, in id order. */
export async function articleStamps(dataSource: DataSource): Promise<Array<Record<string, string | number | null>>> {
  const rows: Array<Record<string, unknown>> = await dataSource.query(
    `SELECT id, slug, version, created_at, updated_at, published_at, canonical_url, content_hash, draft_fingerprint, lead_image_id, category_id, source_id
     FROM articles ORDER BY id`,
  );
  // PostgreSQL returns BIGINT as text; compare numbers as numbers.
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string | number | null)])));
}
