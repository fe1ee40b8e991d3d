import { In, type DataSource } from 'typeorm';
import { Category } from './category.entity';

export class CategoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByIds(ids: readonly number[]): Promise<Category[]> {
    return this.dataSource.getRepository(Category).find({ where: { id: In([...ids]) } });
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
