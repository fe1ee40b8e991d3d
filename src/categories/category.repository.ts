import type { DataSource } from 'typeorm';
import { marks, runSql } from '../db/sql';
import { Category } from './category.entity';

export class CategoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The per-request loader's read: hand-written SQL, as every list page runs it (see db/sql.ts). */
  async findByIds(ids: readonly number[]): Promise<Category[]> {
    if (!ids.length) return [];
    const rows = await runSql<Category>(this.dataSource, `SELECT id, slug, name, language FROM categories WHERE id IN (${marks(ids.length)})`, [...ids]);
    return rows.map((row) => Object.assign(new Category(), { ...row, id: Number(row.id) }));
  }

  /** Categories that have at least one published article, so clients never show empty sections. */
  findWithPublished(language: string | null): Promise<Category[]> {
    const qb = this.dataSource
      .getRepository(Category)
      .createQueryBuilder('c')
      .where("EXISTS (SELECT 1 FROM articles a WHERE a.category_id = c.id AND a.status = 'PUBLISHED')");
    if (language) qb.andWhere('c.language = :language', { language });
    return qb.orderBy('c.language', 'ASC').addOrderBy('c.name', 'ASC').getMany();
  }

  findBySlug(slug: string, language: string): Promise<Category | null> {
    return this.dataSource.getRepository(Category).findOne({ where: { slug, language } });
  }
}
