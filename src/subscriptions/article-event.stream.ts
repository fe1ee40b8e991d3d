import type { Article } from '../articles/article.entity';
import type { Loaders } from '../graphql/context';
import { BoundedQueue } from './bounded-queue';
import type { ArticleEventRecord } from './article-event.entity';
import type { EventCriteria } from './article-event.repository';

/** One event ready to send: the outbox row, its article, and loaders shared by everyone receiving this page. */
export interface EventDelivery {
  record: ArticleEventRecord;
  /** Null for the takedown of a deleted article. */
  article: Article | null;
  loaders: Loaders;
}

export interface EventSource {
  /** Registers a live listener; returns how to unregister it. */
  listen(listener: (delivery: EventDelivery) => void): () => void;
  /** Up to `limit` matching events after `afterId` from the outbox; `scannedTo` is the last id read. */
  replay(afterId: number, criteria: EventCriteria, limit: number): Promise<{ deliveries: EventDelivery[]; scannedTo: number; full: boolean }>;
}

/** The client's side of the socket, as far as flow control needs it. */
export interface SubscriberConnection {
  /** Bytes accepted for sending but not yet written to the network. */
  bufferedAmount(): number;
  /** The client stopped reading: close its connection instead of buffering for it. */
  closeSlow(reason: string): void;
}

export interface StreamLimits {
  /** Live events held for one subscription while its client is busy. */
  maxQueuedEvents: number;
  /** Unsent bytes on the socket beyond which the client counts as stalled. */
  maxBufferedBytes: number;
  /** Outbox rows per replay read. */
  replayPageSize: number;
}

export function matchesCriteria(record: ArticleEventRecord, criteria: EventCriteria): boolean {
  return (
    (!criteria.kind || record.kind === criteria.kind) &&
    (!criteria.language || record.language === criteria.language) &&
    (!criteria.categorySlug || record.categorySlug === criteria.categorySlug) &&
    (!criteria.sourceSlug || record.sourceSlug === criteria.sourceSlug)
  );
}

/**
 * One subscription's events. Without `after`: live events only. With it:
 * listen live first (into a bounded buffer), replay the outbox after the
 * cursor page by page, then drain the buffer skipping ids already replayed.
 * Every event committed after the cursor is either in the outbox when a
 * replay read runs or published live after we started listening, so the
 * seam has no gap, and the id check removes the overlap.
 *
 * If the buffer overflows during replay, nothing is lost: it is dropped and
 * the outbox is read again. Overflow once live means the client is not
 * keeping up: its connection is closed (it can resume with its last cursor).
 */
export function openEventStream(
  source: EventSource,
  criteria: EventCriteria,
  after: number | null,
  limits: StreamLimits,
  connection: SubscriberConnection | null,
): AsyncIterableIterator<EventDelivery> {
  let live = after == null;
  const slow = (reason: string) => {
    if (connection) connection.closeSlow(reason);
    queue.close();
  };
  const queue: BoundedQueue<EventDelivery> = new BoundedQueue<EventDelivery>(
    limits.maxQueuedEvents,
    () => {
      if (live) slow(`more than ${limits.maxQueuedEvents} events waiting`);
    },
    () => unlisten(),
  );
  const unlisten = source.listen((delivery) => {
    if (matchesCriteria(delivery.record, criteria)) queue.push(delivery);
  });

  async function* run(): AsyncGenerator<EventDelivery> {
    let last = after ?? 0;
    if (after != null) {
      for (;;) {
        const page = await source.replay(last, criteria, limits.replayPageSize);
        for (const delivery of page.deliveries) {
          if (queue.isClosed) return;
          yield delivery;
        }
        last = page.scannedTo;
        if (page.full) continue;
        if (!queue.overflowed) break;
        queue.clear();
      }
      live = true;
    }
    for (;;) {
      const { value, done } = await queue.next();
      if (done) return;
      if (value.record.id <= last) continue;
      last = value.record.id;
      if (connection && connection.bufferedAmount() > limits.maxBufferedBytes) {
        slow(`over ${limits.maxBufferedBytes} bytes unsent`);
        return;
      }
      yield value;
    }
  }

  const events = run();
  return {
    next: () => events.next(),
    // Wake a stream parked on an empty buffer first, or return() would wait for the next event.
    return: async (value?: unknown) => {
      queue.close();
      return events.return(value as undefined);
    },
    throw: (error?: unknown) => {
      queue.close();
      return events.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
