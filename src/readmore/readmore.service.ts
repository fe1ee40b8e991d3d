import type DataLoader from 'dataloader';
import type { Article } from '../articles/article.entity';
import type { ArticleRepository } from '../articles/article.repository';
import type { Category } from '../categories/category.entity';
import { Errors } from '../errors/error.catalogue';
import type { RelatedReads, RelatedService } from '../related/related.service';
import { ReadMoreKind, type ReadMoreLink } from './readmore.gql-types';
import { MAX_CURATED_LINKS, parseReadMoreLinks, type LinkInput } from './readmore.link-input';
import type { ReadMoreLoaders } from './readmore.loaders';
import type { ReadMoreRepository } from './readmore.repository';
import { articlePublicUrl, urlKey } from './readmore.url';

export const MAX_READ_MORE = 20;

type CuratedCandidate = { article: Article | null; url?: string; title: string | null };

export interface ReadMoreReads extends RelatedReads, ReadMoreLoaders {
  category: DataLoader<number, Category | null>;
}

/**
 * "Read more" under an article: the editors' links first, then related
 * articles, then the latest in the category, then the latest in the
 * language. Never the article itself or an unpublished one, no article or URL
 * twice, and `first` links whenever the language has that many articles.
 */
export class ReadMoreService {
  constructor(
    private readonly readMore: ReadMoreRepository,
    private readonly articles: ArticleRepository,
    private readonly related: RelatedService,
    private readonly publicBaseUrl: string,
  ) {}

  async readMoreFor(article: Article, first: number, reads: ReadMoreReads): Promise<ReadMoreLink[]> {
    if (!Number.isInteger(first) || first < 0 || first > MAX_READ_MORE) throw Errors.countOutOfRange('first', MAX_READ_MORE, first, 'links');
    if (first === 0) return [];
    // Excluded so far are the article, the links chosen (< first) and as many URL clashes: 2·first + 1 of the latest leave enough.
    const limit = 2 * first + 1;
    // Every source at once, so a list of articles costs one batch per loader, whichever links each one ends up using.
    const [curated, related, sameCategory, latest] = await Promise.all([
      this.curated(article, reads),
      this.related.list(article, first + MAX_CURATED_LINKS, reads),
      article.categoryId == null ? [] : reads.latestArticles.load({ language: article.language, categoryId: article.categoryId, limit }),
      reads.latestArticles.load({ language: article.language, categoryId: null, limit }),
    ]);
    const candidates: Array<{ article: Article | null; url?: string; title?: string | null; kind: ReadMoreKind }> = [
      ...curated.map((link) => ({ ...link, kind: ReadMoreKind.CURATED })),
      ...related.map((item) => ({ article: item.article, kind: ReadMoreKind.RELATED })),
      ...sameCategory.map((target) => ({ article: target, kind: ReadMoreKind.SAME_CATEGORY })),
      ...latest.map((target) => ({ article: target, kind: ReadMoreKind.LATEST })),
    ];
    const urlOf = await this.urlBuilder([article, ...candidates.flatMap((c) => (c.article ? [c.article] : []))], reads);

    const links: ReadMoreLink[] = [];
    const seenIds = new Set([article.id]);
    const seenUrls = new Set([urlKey(urlOf(article))]);
    for (const candidate of candidates) {
      if (links.length >= first) break;
      const target = candidate.article;
      const url = target ? urlOf(target) : candidate.url!;
      if ((target && seenIds.has(target.id)) || seenUrls.has(urlKey(url))) continue;
      if (target) seenIds.add(target.id);
      seenUrls.add(urlKey(url));
      links.push({ title: candidate.title ?? target!.title, url, kind: candidate.kind, article: target });
    }
    return links;
  }

  async urlOf(article: Article, reads: Pick<ReadMoreReads, 'category'>): Promise<string> {
    return (await this.urlBuilder([article], reads))(article);
  }

  next(article: Article, reads: ReadMoreReads): Promise<Article | null> {
    return reads.newerInCategory.load(article);
  }

  previous(article: Article, reads: ReadMoreReads): Promise<Article | null> {
    return reads.olderInCategory.load(article);
  }

  /** Replaces an article's curated links (editors only: the resolver checks). */
  async setLinks(articleId: number, inputs: readonly LinkInput[]): Promise<Article> {
    const article = await this.articles.findById(articleId);
    if (!article) throw Errors.notFound('The article');
    const links = parseReadMoreLinks(inputs, articleId);
    const linked = links.flatMap((link) => (link.targetArticleId == null ? [] : [link.targetArticleId]));
    const existing = await this.articles.existingIds(linked);
    links.forEach((link, index) => {
      if (link.targetArticleId != null && !existing.has(link.targetArticleId)) {
        throw Errors.invalidArgument(`links[${index}].articleId`, 'names no article: pass the `id` of an existing Article.');
      }
    });
    await this.readMore.replaceLinks(articleId, links);
    return article;
  }

  /** The editors' links whose targets are published (or external), in order. */
  private async curated(article: Article, reads: ReadMoreReads): Promise<CuratedCandidate[]> {
    const links = await reads.curatedLinks.load(article.id);
    const targets = await reads.articleSummary.loadMany(links.flatMap((link) => (link.targetArticleId == null ? [] : [link.targetArticleId])));
    const byId = new Map(targets.flatMap((target) => (target && !(target instanceof Error) ? [[target.id, target] as const] : [])));
    return links.flatMap((link): CuratedCandidate[] => {
      if (link.targetArticleId == null) return [{ article: null, url: link.url, title: link.title }];
      const target = byId.get(link.targetArticleId);
      return target ? [{ article: target, title: link.title }] : [];
    });
  }

  /** Loads the categories of all `articles` in one batch, then builds their URLs without waiting. */
  private async urlBuilder(articles: readonly Article[], reads: Pick<ReadMoreReads, 'category'>): Promise<(article: Article) => string> {
    const ids = [...new Set(articles.flatMap((a) => (a.categoryId == null ? [] : [a.categoryId])))];
    const slugs = new Map<number, string>();
    (await reads.category.loadMany(ids)).forEach((category, index) => {
      if (category instanceof Error) throw category;
      if (category) slugs.set(ids[index], category.slug);
    });
    return (article) => articlePublicUrl(this.publicBaseUrl, article, article.categoryId == null ? null : slugs.get(article.categoryId) ?? null);
  }
}
