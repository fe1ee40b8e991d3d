import { In, type DataSource, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import { Article } from './article.entity';
import { ArticleOrder, ArticleStatus } from './article.enums';
import type { PageRequest } from '../pagination/page-request';

export interface ArticleListFilter {
  language?: string | null;
  categorySlug?: string | null;
  sourceSlug?: string | null;
  tag?: string | null;
  publishedAfter?: Date | null;
  publishedBefore?: Date | null;
  categoryId?: number | null;
  sourceId?: number | null;
}

/** The column and direction behind each public ordering; ties break on id the same way. */
const ORDER_COLUMNS: Record<ArticleOrder, { column: 'published_at' | 'updated_at'; descending: boolean }> = {
  [ArticleOrder.PUBLISHED_AT_DESC]: { column: 'published_at', descending: true },
  [ArticleOrder.PUBLISHED_AT_ASC]: { column: 'published_at', descending: false },
  [ArticleOrder.UPDATED_AT_DESC]: { column: 'updated_at', descending: true },
};

export function orderValue(article: Article, order: ArticleOrder): number {
  return ORDER_COLUMNS[order].column === 'published_at' ? article.publishedAt?.getTime() ?? 0 : article.updatedAt.getTime();
}

/** The only code that queries articles. Public reads always filter on PUBLISHED. */
export class ArticleRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo(): Repository<Article> {
    return this.dataSource.getRepository(Article);
  }

  /** One page in keyset order; returns up to limit + 1 rows so the caller knows if more exist. */
  async findPublishedPage(filter: ArticleListFilter, order: ArticleOrder, page: PageRequest): Promise<Article[]> {
    const { column, descending } = ORDER_COLUMNS[order];
    // Walking backward reads the opposite direction, then the service reverses the rows.
    const readDescending = page.direction === 'forward' ? descending : !descending;
    const qb = this.publishedQuery(filter);
    if (page.cursor) {
      const op = readDescending ? '<' : '>';
      qb.andWhere(`(a.${column} ${op} :cursorValue OR (a.${column} = :cursorValue AND a.id ${op} :cursorId))`, {
        cursorValue: page.cursor.value,
        cursorId: page.cursor.id,
      });
    }
    const direction = readDescending ? 'DESC' : 'ASC';
    return qb
      .orderBy(`a.${column}`, direction)
      .addOrderBy('a.id', direction)
      .limit(page.limit + 1)
      .getMany();
  }

  countPublished(filter: ArticleListFilter): Promise<number> {
    return this.publishedQuery(filter).getCount();
  }

  findPublishedById(id: number): Promise<Article | null> {
    return this.repo.findOne({ where: { id, status: ArticleStatus.PUBLISHED } });
  }

  findPublishedBySlug(language: string, slug: string): Promise<Article | null> {
    return this.repo.findOne({ where: { language, slug, status: ArticleStatus.PUBLISHED } });
  }

  findPublishedByIds(ids: readonly number[]): Promise<Article[]> {
    return ids.length ? this.repo.find({ where: { id: In([...ids]), status: ArticleStatus.PUBLISHED } }) : Promise.resolve([]);
  }

  countAll(): Promise<number> {
    return this.repo.count();
  }

  withManager(manager: EntityManager): Repository<Article> {
    return manager.getRepository(Article);
  }

  private publishedQuery(filter: ArticleListFilter): SelectQueryBuilder<Article> {
    const qb = this.repo.createQueryBuilder('a').where('a.status = :status', { status: ArticleStatus.PUBLISHED });
    if (filter.language) qb.andWhere('a.language = :language', { language: filter.language });
    if (filter.categoryId != null) qb.andWhere('a.category_id = :categoryId', { categoryId: filter.categoryId });
    if (filter.sourceId != null) qb.andWhere('a.source_id = :sourceId', { sourceId: filter.sourceId });
    if (filter.categorySlug) {
      const byLanguage = filter.language ? ' AND c.language = :language' : '';
      qb.andWhere(`a.category_id IN (SELECT c.id FROM categories c WHERE c.slug = :categorySlug${byLanguage})`, {
        categorySlug: filter.categorySlug,
      });
    }
    if (filter.sourceSlug) {
      qb.andWhere('a.source_id IN (SELECT s.id FROM sources s WHERE s.slug = :sourceSlug)', { sourceSlug: filter.sourceSlug });
    }
    if (filter.tag) {
      qb.andWhere('EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag = :tag)', { tag: filter.tag });
    }
    if (filter.publishedAfter) qb.andWhere('a.published_at > :after', { after: filter.publishedAfter.getTime() });
    if (filter.publishedBefore) qb.andWhere('a.published_at < :before', { before: filter.publishedBefore.getTime() });
    return qb;
  }
}
