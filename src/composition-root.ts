import type { DataSource } from 'typeorm';
import type { Config } from './config';
import { Closers } from './closers';
import { ArticleRepository } from './articles/article.repository';
import { ApiKeyRepository } from './auth/auth.repository';
import { AuthService } from './auth/auth.service';
import { EditorialService } from './editorial/editorial.service';
import { historyHook } from './history/history.hook';
import { HistoryRepository } from './history/history.repository';
import { ArticleService } from './articles/article.service';
import { ArticleWriteRepository } from './articles/article-write.repository';
import { ArticleWriteService, type ArticleChangeHook } from './articles/article-write.service';
import { CategoryRepository } from './categories/category.repository';
import { CategoryService } from './categories/category.service';
import { EventInvalidator } from './caching/cache.invalidation';
import { ResponseCache } from './caching/response-cache';
import { openDatabase } from './db/data-source';
import { StatementCounter } from './db/statement-counter';
import { createLoaders } from './graphql/context';
import { ImageRepository } from './images/image.repository';
import { ImportService } from './importing/import.service';
import { createLogger, type Logger } from './logging/logger';
import { ReadMoreRepository } from './readmore/readmore.repository';
import { ReadMoreService } from './readmore/readmore.service';
import { startRelatedIndexLoop } from './related/related.index-loop';
import { RelatedIndexer } from './related/related.indexer';
import { relatedQueueHook } from './related/related.queue-hook';
import { RelatedRepository } from './related/related.repository';
import { RelatedService } from './related/related.service';
import { TopicRepository } from './topics/topics.repository';
import { startTopicRetrainLoop } from './topics/topics.retrain-loop';
import { TopicService } from './topics/topics.service';
import { searchIndexHook } from './search/search.index-hook';
import { SearchRepository } from './search/search.repository';
import { SearchService } from './search/search.service';
import { SourceRepository } from './sources/source.repository';
import { SourceService } from './sources/source.service';
import { createAnnouncer, openEventBus, type ArticleEventBus } from './subscriptions/article-event.bus';
import type { ArticleEventRecord } from './subscriptions/article-event.entity';
import { ArticleEventFeed } from './subscriptions/article-event.feed';
import { articleEventOutbox } from './subscriptions/article-event.outbox';
import { ArticleEventRepository } from './subscriptions/article-event.repository';
import { ArticleEventService } from './subscriptions/article-event.service';
import type { StreamLimits } from './subscriptions/article-event.stream';
import { SyncService } from './sync/sync.service';

/**
 * The composition root: the one place that builds every long-lived object
 * (database, event bus, repositories, services, background work) and
 * registers how each closes. The CLI opens the core; the server (app.ts)
 * adds the live work and HTTP on top, into the same Closers.
 */

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
    apiKeys: new ApiKeyRepository(dataSource),
    history: new HistoryRepository(dataSource),
    topics: new TopicRepository(dataSource),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

/**
 * What every article write also does, in its own transaction: index it for
 * search, write its subscription event (announced on `events` once
 * committed), queue it for the related index.
 */
export function articleChangeHooks(events: ArticleEventBus, cacheInvalidator: EventInvalidator | null = null): ArticleChangeHook[] {
  // The response cache drops what this process changed right after the commit, before the write answers.
  const onCommitted = cacheInvalidator ? (record: ArticleEventRecord) => cacheInvalidator.committedHere(record) : undefined;
  return [searchIndexHook(), articleEventOutbox(createAnnouncer(events), onCommitted), relatedQueueHook(), historyHook()];
}

export function createServices(repositories: Repositories, config: Config, events: ArticleEventBus) {
  const responseCache = config.responseCacheBytes > 0 ? new ResponseCache(config.responseCacheBytes) : null;
  const cacheInvalidator = responseCache ? new EventInvalidator(responseCache) : null;
  const writer = new ArticleWriteService(articleChangeHooks(events, cacheInvalidator));
  // Suggestions classify an article's current text; the ranking asks topics for distributions.
  const topics: TopicService = new TopicService(repositories.topics, (article, reads) => related.liveProfile(article, reads));
  const related: RelatedService = new RelatedService(repositories.related, topics.topicsOf);
  return {
    articles: new ArticleService(repositories.articles),
    writer,
    importer: new ImportService(repositories.writes, writer),
    categories: new CategoryService(repositories.categories),
    sources: new SourceService(repositories.sources),
    search: new SearchService(repositories.search, repositories.articles),
    related,
    relatedIndexer: new RelatedIndexer(repositories.related, { topicsOf: topics.topicsOf, rankingModel: topics.rankingModel }),
    topics,
    readMore: new ReadMoreService(repositories.readMore, repositories.articles, related, config.publicBaseUrl),
    auth: new AuthService(repositories.apiKeys),
    editorial: new EditorialService(repositories.writes, writer, repositories.articles, repositories.history),
    sync: new SyncService(repositories.articleEvents, repositories.articles, config.eventRetentionDays),
    /** Public answers in memory (null when RESPONSE_CACHE_BYTES=0); see src/caching. */
    responseCache,
    /** Drops cached answers for each outbox event once: at this process's commit, or when the feed reads another writer's. */
    cacheInvalidator,
  };
}
export type Services = ReturnType<typeof createServices>;

/** The database and the services on it, without HTTP or background work: what the CLI and the server share. */
export interface Core {
  readonly config: Config;
  readonly logger: Logger;
  readonly dataSource: DataSource;
  readonly statements: StatementCounter;
  readonly repositories: Repositories;
  readonly services: Services;
  /** Announces committed article events (Redis when configured): the server listens, the CLI only talks. */
  readonly events: ArticleEventBus;
  /** Everything opened so far; whoever builds on the core registers its own resources here too. */
  readonly closers: Closers;
  close(): Promise<void>;
}

export async function openCore(config: Config, logger: Logger = createLogger(config)): Promise<Core> {
  const closers = new Closers((name, error) => logger.warn({ err: error, resource: name }, 'closing a resource failed'));
  try {
    const statements = new StatementCounter();
    const dataSource = await openDatabase(config.database, { counter: statements, busyTimeoutMs: config.sqliteBusyTimeoutMs });
    closers.add('database', () => dataSource.destroy());
    const events = openEventBus(config, (error) => logger.warn({ err: error }, 'event announcements unavailable; instances fall back to polling'));
    closers.add('event bus', () => events.close());
    const repositories = createRepositories(dataSource);
    const services = createServices(repositories, config, events);
    return { config, logger, dataSource, statements, repositories, services, events, closers, close: () => closers.close() };
  } catch (error) {
    await closers.close();
    throw error;
  }
}

/** Timings of a serving instance's background work; tests turn them off (0) and drive the work themselves. */
export interface BackgroundTimings {
  /** How often the related index drains its queue (ms); 0: never (tests call drainRelatedQueue). */
  relatedIndexPollMs: number;
  /** How often events older than the retention are pruned (ms); 0: never (tests call feed.prune()). */
  eventPruneEveryMs: number;
  /** How often topic models are checked for retraining (ms; config.topicRetrainCheckMs); 0: never (tests call services.topics.retrainStale()). */
  topicRetrainCheckMs: number;
}

export const SERVER_BACKGROUND_TIMINGS: Omit<BackgroundTimings, 'topicRetrainCheckMs'> = Object.freeze({ relatedIndexPollMs: 500, eventPruneEveryMs: 600_000 });

/** A serving instance's live work: the event feed subscriptions read from, the related index loop and topic retraining. */
export interface LiveWork {
  readonly feed: ArticleEventFeed;
  readonly articleEvents: ArticleEventService;
}

export interface LiveWorkOptions extends BackgroundTimings {
  /** Outbox rows per read (live publishing and replay). */
  pageSize: number;
  stream: StreamLimits;
}

export async function startLiveWork(core: Core, options: LiveWorkOptions): Promise<LiveWork> {
  const { config, repositories, services, logger, closers } = core;
  if (options.relatedIndexPollMs > 0) {
    // Related lists were re-ranked: cached answers showing them go (see src/caching).
    const loop = startRelatedIndexLoop(services.relatedIndexer, logger, options.relatedIndexPollMs, () => services.responseCache?.invalidate(['related:*']));
    closers.add('related index loop', () => loop.stop());
  }
  if (options.topicRetrainCheckMs > 0) {
    const training = startTopicRetrainLoop(services.topics, logger, options.topicRetrainCheckMs);
    closers.add('topic retraining', () => training.stop());
  }
  const feed = new ArticleEventFeed(
    repositories.articleEvents,
    repositories.articles,
    core.events,
    () => createLoaders(repositories, services),
    {
      ...options.stream,
      pollMs: config.subscriptionPollMs,
      pageSize: options.pageSize,
      retentionMs: config.eventRetentionDays * 86_400_000,
      pruneEveryMs: options.eventPruneEveryMs,
    },
    logger,
  );
  await feed.start();
  closers.add('event feed', () => feed.stop());
  return { feed, articleEvents: new ArticleEventService(feed, config.eventRetentionDays) };
}
