import type { DataSource } from 'typeorm';
import { dialectOf, runSql } from './sql';

/**
 * After a bulk write (an import, a synthetic archive, a related index build):
 * PostgreSQL plans from table statistics that autovacuum refreshes only some
 * time later, and a freshly loaded table without them made it read an
 * article by slug through a (language, status) index, filtering thousands of
 * rows (13 ms, p99 0.8 s at 20,000 articles), instead of the unique
 * (language, slug) index (0.25 ms). ANALYZE samples each table: seconds at a
 * million articles. SQLite picks a fully matched unique index without
 * statistics, so it needs nothing here.
 */
export async function refreshPlannerStatistics(dataSource: DataSource): Promise<void> {
  if (dialectOf(dataSource) === 'postgres') await runSql(dataSource, 'ANALYZE');
}
