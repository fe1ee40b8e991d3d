import type { Logger } from '../logging/logger';
import type { Loaders } from '../graphql/context';
import { EVENTS_COMMITTED, type ArticleEventBus } from './article-event.bus';
import type { ArticleEventRecord } from './article-event.entity';
import { ArticleEventKind } from './article-event.types';
import type { ArticleRepository } from '../articles/article.repository';
import type { ArticleEventRepository, EventCriteria } from './article-event.repository';
import { openEventStream, type EventDelivery, type EventSource, type StreamLimits, type SubscriberConnection } from './article-event.stream';
import type { BusSubscription } from './memory.pubsub';

const READY_WAIT_MS = 2_000;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export interface FeedOptions extends StreamLimits {
  /** How often the outbox is read even without a nudge: the safety net for writers we cannot hear. */
  pollMs: number;
  /** Outbox rows per read when publishing. */
  pageSize: number;
  /** Events older than this are pruned, every `pruneEveryMs` (0: never prune). */
  retentionMs: number;
  pruneEveryMs: number;
}

const PRUNE_BATCH = 1_000;

/**
 * This instance's view of the outbox. Whatever the writer (this process, the
 * import CLI, another instance), events reach local subscribers the same
 * way: a nudge (the bus) or the poll timer makes it read rows with
 * id > last seen, in id order, and hand them to every local listener once.
 * Reads are single-flight, so nudges and ticks that overlap cost one query.
 */
export class ArticleEventFeed implements EventSource {
  private lastSeen = 0;
  private readonly listeners = new Set<(delivery: EventDelivery) => void>();
  private readonly watchers = new Set<(records: readonly ArticleEventRecord[]) => void>();
  private pulling: Promise<void> | null = null;
  private pullAgain = false;
  private timer: NodeJS.Timeout | null = null;
  private pruneTimer: NodeJS.Timeout | null = null;
  private pruning: Promise<number> | null = null;
  private nudges: BusSubscription<{ lastId: number }> | null = null;
  private stopped = false;

  constructor(
    private readonly events: ArticleEventRepository,
    private readonly articles: ArticleRepository,
    private readonly bus: ArticleEventBus,
    private readonly makeLoaders: () => Loaders,
    private readonly options: FeedOptions,
    private readonly logger: Logger,
  ) {}

  /** Starts at the newest event: a new instance does not replay history to live subscribers. */
  async start(): Promise<void> {
    this.lastSeen = await this.events.lastId();
    const nudges = this.bus.subscribe(EVENTS_COMMITTED);
    this.nudges = nudges;
    void (async () => {
      for await (const { lastId } of nudges) if (lastId > this.lastSeen) void this.poll();
    })().catch((error: unknown) => this.logger.warn({ err: error }, 'event announcements stopped; polling continues'));
    // Redis down at start must not keep the server down: the poller covers until it is back.
    const ready = await Promise.race([nudges.ready.then(() => true, () => false), delay(READY_WAIT_MS).then(() => false)]);
    if (!ready) this.logger.warn('event announcements are not connected yet; relying on polling meanwhile');
    this.timer = setInterval(() => void this.poll(), this.options.pollMs);
    this.timer.unref();
    if (this.options.pruneEveryMs > 0) {
      this.pruneTimer = setInterval(() => void this.prune().catch((error: unknown) => this.logger.warn({ err: error }, 'pruning old article events failed; retrying later')), this.options.pruneEveryMs);
      this.pruneTimer.unref();
    }
  }

  /** Events up to this id are gone: a subscription resuming below it would miss events. */
  prunedThrough(): Promise<number> {
    return this.events.prunedThrough();
  }

  /**
   * Deletes events older than the retention, a batch per transaction so the
   * outbox is never locked for long; single-flight. Every instance may run
   * it: deleting a prefix twice is harmless. Returns how many were deleted.
   */
  prune(now = new Date()): Promise<number> {
    this.pruning ??= (async () => {
      const cutoff = new Date(now.getTime() - this.options.retentionMs);
      let total = 0;
      for (;;) {
        const deleted = await this.events.pruneOlderThan(cutoff, PRUNE_BATCH);
        total += deleted;
        if (deleted < PRUNE_BATCH || this.stopped) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (total) this.logger.debug({ events: total }, 'pruned old article events');
      return total;
    })().finally(() => {
      this.pruning = null;
    });
    return this.pruning;
  }

  /** The id of the last outbox event this instance handed out (or skipped, with nobody listening). */
  get position(): number {
    return this.lastSeen;
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  open(criteria: EventCriteria, after: number | null, connection: SubscriberConnection | null): AsyncIterableIterator<EventDelivery> {
    return openEventStream(this, criteria, after, this.options, connection);
  }

  listen(listener: (delivery: EventDelivery) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every new outbox row, as read and before any article loads: for whoever needs only the rows (the response cache). */
  watch(watcher: (records: readonly ArticleEventRecord[]) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  async replay(afterId: number, criteria: EventCriteria, limit: number) {
    const rows = await this.events.listAfter(afterId, limit, criteria);
    return { deliveries: await this.load(rows, false), scannedTo: rows.at(-1)?.id ?? afterId, full: rows.length === limit };
  }

  /** Reads the outbox now; resolves when everything committed so far has been handed out. */
  poll(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.pulling) {
      this.pullAgain = true;
      return this.pulling;
    }
    this.pulling = (async () => {
      try {
        do {
          this.pullAgain = false;
          await this.publishNew();
        } while (this.pullAgain && !this.stopped);
      } catch (error) {
        this.logger.error({ err: error }, 'reading the article event outbox failed; retrying on the next tick');
      } finally {
        this.pulling = null;
      }
    })();
    return this.pulling;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await this.pruning?.catch(() => undefined);
    await this.nudges?.return?.();
    await this.pulling;
    this.listeners.clear();
  }

  private async publishNew(): Promise<void> {
    for (;;) {
      const rows = await this.events.listAfter(this.lastSeen, this.options.pageSize, {}, true);
      if (!rows.length || this.stopped) return;
      for (const watcher of this.watchers) watcher(rows);
      // Nobody listening: move on without loading articles. Anyone who starts
      // listening after this read is covered by their own replay.
      const deliveries = this.listeners.size ? await this.load(rows, true) : [];
      this.lastSeen = rows[rows.length - 1].id;
      for (const delivery of deliveries) for (const listener of this.listeners) listener(delivery);
      if (rows.length < this.options.pageSize) return;
      // A bulk import: give sockets a turn to drain before the next page.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async load(rows: ArticleEventRecord[], background: boolean): Promise<EventDelivery[]> {
    if (!rows.length) return [];
    const articles = new Map((await this.articles.findByIds(rows.map((row) => row.articleId), { background })).map((a) => [a.id, a]));
    const loaders = this.makeLoaders();
    const deliveries: EventDelivery[] = [];
    for (const record of rows) {
      const article = articles.get(record.articleId) ?? null;
      // A deleted article's takedown still goes out (article null); its earlier events have nothing left to show.
      if (article || record.kind === ArticleEventKind.UNPUBLISHED) deliveries.push({ record, article, loaders });
    }
    return deliveries;
  }
}
