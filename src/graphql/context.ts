import DataLoader from 'dataloader';
import type { Config } from '../config';
import type { Logger } from '../logging/logger';
import type { Article } from '../articles/article.entity';
import type { Category } from '../categories/category.entity';
import type { Image } from '../images/image.entity';
import type { Source } from '../sources/source.entity';
import type { Repositories, Services } from '../composition-root';
import type { Principal } from '../auth/auth.types';
import { createReadMoreLoaders, type ReadMoreLoaders } from '../readmore/readmore.loaders';
import { createRelatedLoaders, type RelatedLoaders } from '../related/related.loaders';
import type { StoredRelated } from '../related/related.repository';
import type { CacheScopeHolder } from '../caching/cache.scope';
import { byIdLoader, groupedLoader } from './by-id.loader';

export interface ArticleBody {
  id: number;
  body: Article['body'];
  bodyText: string;
}

export interface Loaders extends RelatedLoaders, ReadMoreLoaders {
  unindexedRanking: DataLoader<Article, StoredRelated[], number>;
  article: DataLoader<number, Article | null>;
  /** Published articles without bodies, for lists of links (related, read more); bodies load on demand (articleBody). */
  articleSummary: DataLoader<number, Article | null>;
  articleBody: DataLoader<number, ArticleBody | null>;
  category: DataLoader<number, Category | null>;
  source: DataLoader<number, Source | null>;
  image: DataLoader<number, Image | null>;
  inlineImages: DataLoader<number, Image[]>;
  articleUpdatedBy: DataLoader<number, { id: number; updatedBy: string | null } | null>;
}

export interface GraphQLContext extends CacheScopeHolder {
  config: Config;
  services: Services;
  loaders: Loaders;
  /** The API key behind the request (HTTP Authorization, or the WebSocket's connection_init); null for anonymous reads. */
  principal: Principal | null;
  /** The request's id (x-request-id); a websocket's operations share their connection's. */
  requestId: string;
  /** Logs with `requestId` on every line. */
  log: Logger;
}

/** New loaders per request: batching within one request, never caching across users. */
export function createLoaders(repositories: Repositories, services: Pick<Services, 'related'>): Loaders {
  const loaders: Loaders = {
    article: byIdLoader((ids) => repositories.articles.findPublishedByIds(ids)),
    articleSummary: byIdLoader((ids) => repositories.articles.findPublishedSummaries(ids)),
    articleBody: byIdLoader((ids) => repositories.articles.findBodies(ids)),
    articleUpdatedBy: byIdLoader((ids) => repositories.articles.findUpdatedBy(ids)),
    category: byIdLoader((ids) => repositories.categories.findByIds(ids)),
    source: byIdLoader((ids) => repositories.sources.findByIds(ids)),
    image: byIdLoader((ids) => repositories.images.findByIds(ids)),
    inlineImages: groupedLoader(async (ids) =>
      (await repositories.images.findInlineByArticleIds(ids)).map(({ articleId, image }) => ({ key: articleId, value: image })),
    ),
    ...createRelatedLoaders(repositories.related),
    ...createReadMoreLoaders(repositories.readMore, repositories.articles),
    // Articles not indexed yet (a fresh import), ranked in one batch per request.
    unindexedRanking: new DataLoader((articles) => services.related.rankUnindexed(articles, loaders), { cacheKeyFn: (article) => article.id }),
  };
  return loaders;
}
