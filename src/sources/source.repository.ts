import type { DataSource } from 'typeorm';
import { marks, runSql } from '../db/sql';
import { Source } from './source.entity';

export class SourceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The per-request loader's read: hand-written SQL, as every list page runs it (see db/sql.ts). */
  async findByIds(ids: readonly number[]): Promise<Source[]> {
    if (!ids.length) return [];
    const rows = await runSql<Source>(this.dataSource, `SELECT id, slug, name, url FROM sources WHERE id IN (${marks(ids.length)})`, [...ids]);
    return rows.map((row) => Object.assign(new Source(), { ...row, id: Number(row.id) }));
  }

  findAll(): Promise<Source[]> {
    return this.dataSource.getRepository(Source).find({ order: { name: 'ASC' } });
  }

  findBySlug(slug: string): Promise<Source | null> {
    return this.dataSource.getRepository(Source).findOne({ where: { slug } });
  }
}
