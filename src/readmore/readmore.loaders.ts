import DataLoader from 'dataloader';
import type { Article } from '../articles/article.entity';
import { groupedLoader } from '../graphql/by-id.loader';
import type { ArticleRepository, LatestScope } from '../articles/article.repository';
import type { CuratedLink, ReadMoreRepository } from './readmore.repository';

export interface ReadMoreLoaders {
  curatedLinks: DataLoader<number, CuratedLink[]>;
  latestArticles: DataLoader<LatestScope, Article[], string>;
  newerInCategory: DataLoader<Article, Article | null, number>;
  olderInCategory: DataLoader<Article, Article | null, number>;
}

/** Per request, like every loader: a list of articles asking read more costs a few statements in all. */
export function createReadMoreLoaders(readMore: ReadMoreRepository, articles: ArticleRepository): ReadMoreLoaders {
  return {
    curatedLinks: groupedLoader(async (ids) => (await readMore.curatedLinks(ids)).map(({ articleId, link }) => ({ key: articleId, value: link }))),
    latestArticles: new DataLoader((scopes) => articles.findLatestInScopes(scopes), {
      cacheKeyFn: (scope) => `${scope.language}/${scope.categoryId ?? ''}/${scope.limit}`,
      maxBatchSize: 100,
    }),
    newerInCategory: new DataLoader((asked) => articles.findAdjacentInCategory(asked, 'newer'), { cacheKeyFn: (article) => article.id, maxBatchSize: 100 }),
    olderInCategory: new DataLoader((asked) => articles.findAdjacentInCategory(asked, 'older'), { cacheKeyFn: (article) => article.id, maxBatchSize: 100 }),
  };
}
