import { Errors } from '../errors/error.catalogue';
import { assertLanguage } from '../languages/language.catalogue';
import { toConnection } from '../pagination/connection';
import { encodeCursor } from '../pagination/cursor';
import { toPageRequest, type PageArgs } from '../pagination/page-request';
import type { ArticleConnection } from './article.connection';
import type { Article } from './article.entity';
import { ArticleOrder } from './article.enums';
import { orderValue, type ArticleListFilter, type ArticleRepository } from './article.repository';

/** Public reads of articles: the rules (published only, limits, validation) live here. */
export class ArticleService {
  constructor(private readonly articles: ArticleRepository) {}

  /** `filter.status` other than PUBLISHED is for editors: the resolver checks the key. */
  async list(filter: ArticleListFilter, order: ArticleOrder = ArticleOrder.PUBLISHED_AT_DESC, pageArgs: PageArgs = {}): Promise<ArticleConnection> {
    assertLanguage(filter.language);
    if (filter.publishedAfter && filter.publishedBefore && filter.publishedAfter >= filter.publishedBefore) {
      throw Errors.invalidDateRange();
    }
    const page = toPageRequest(pageArgs, order);
    const rows = page.limit === 0 ? [] : await this.articles.findPublishedPage(filter, order, page);
    const hasMore = rows.length > page.limit;
    const nodes = rows.slice(0, page.limit);
    if (page.direction === 'backward') nodes.reverse();
    const edges = nodes.map((node) => ({ node, cursor: encodeCursor({ order, value: orderValue(node, order), id: node.id }) }));
    return toConnection(
      edges,
      {
        hasNextPage: page.direction === 'forward' ? hasMore : page.cursor != null,
        hasPreviousPage: page.direction === 'backward' ? hasMore : page.cursor != null,
      },
      () => this.articles.countPublished(filter),
    );
  }

  /** Every article, any status: tells an empty database from a quiet newsroom. */
  countAll(): Promise<number> {
    return this.articles.countAll();
  }

  /** `anyStatus`: drafts and archived articles too, for editors (the resolver checks the key). */
  async findOne(key: { id?: number | null; slug?: string | null; language?: string | null }, anyStatus = false): Promise<Article | null> {
    if (key.id != null) return anyStatus ? this.articles.findById(key.id) : this.articles.findPublishedById(key.id);
    if (key.slug != null && key.language != null) {
      assertLanguage(key.language);
      return anyStatus ? this.articles.findBySlug(key.language, key.slug) : this.articles.findPublishedBySlug(key.language, key.slug);
    }
    throw Errors.articleLookupNeedsKey();
  }
}
