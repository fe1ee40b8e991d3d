import type { DataSource } from 'typeorm';
import type { Config } from './config';
import { ArticleRepository } from './articles/article.repository';
import { ArticleService } from './articles/article.service';
import { ArticleWriteRepository } from './articles/article-write.repository';
import { ArticleWriteService } from './articles/article-write.service';
import { ImportService } from './importing/import.service';
import { CategoryRepository } from './categories/category.repository';
import { CategoryService } from './categories/category.service';
import { ImageRepository } from './images/image.repository';
import { SourceRepository } from './sources/source.repository';
import { SourceService } from './sources/source.service';
import { createAnnouncer, type ArticleEventBus } from './subscriptions/article-event.bus';
import { articleEventOutbox } from './subscriptions/article-event.outbox';
import { ArticleEventRepository } from './subscriptions/article-event.repository';
import { MemoryPubSub } from './subscriptions/memory.pubsub';
import { searchIndexHook } from './search/search.index-hook';
import { SearchRepository } from './search/search.repository';
import { SearchService } from './search/search.service';
import { ReadMoreRepository } from './readmore/readmore.repository';
import { ReadMoreService } from './readmore/readmore.service';
import { RelatedIndexer } from './related/related.indexer';
import { relatedQueueHook } from './related/related.queue-hook';
import { RelatedRepository } from './related/related.repository';
import { RelatedService } from './related/related.service';

/** The composition root: every repository and service, wired once per process. */
export function createRepositories(dataSource: DataSource) {
  return {
    articles: new ArticleRepository(dataSource),
    categories: new CategoryRepository(dataSource),
    sources: new SourceRepository(dataSource),
    images: new ImageRepository(dataSource),
    writes: new ArticleWriteRepository(dataSource),
    articleEvents: new ArticleEventRepository(dataSource),
    search: new SearchRepository(dataSource),
    related: new RelatedRepository(dataSource),
    readMore: new ReadMoreRepository(dataSource),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

/** `events` hears "new events committed" from every writer; see src/subscriptions. */
export function createServices(repositories: Repositories, config: Config, events: ArticleEventBus = new MemoryPubSub()) {
  const writer = new ArticleWriteService([
    searchIndexHook(repositories.search),
    articleEventOutbox(repositories.articleEvents, createAnnouncer(events)),
  ]);
  writer.addHook(relatedQueueHook(repositories.related));
  const related = new RelatedService(repositories.related);
  return {
    articles: new ArticleService(repositories.articles),
    writer,
    importer: new ImportService(repositories.writes, writer),
    categories: new CategoryService(repositories.categories),
    sources: new SourceService(repositories.sources),
    search: new SearchService(repositories.search),
    related,
    relatedIndexer: new RelatedIndexer(repositories.related),
    readMore: new ReadMoreService(repositories.readMore, related, config.publicBaseUrl),
  };
}
export type Services = ReturnType<typeof createServices>;
