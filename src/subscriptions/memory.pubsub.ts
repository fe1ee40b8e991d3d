import type { PubSub } from 'type-graphql';
import { BoundedQueue } from './bounded-queue';

/** What a bus subscription gives back: an async iterable that may need a moment to be live (Redis). */
export interface BusSubscription<T> extends AsyncIterableIterator<T> {
  /** Resolves once messages published from now on will arrive. */
  readonly ready: Promise<void>;
}

/** type-graphql's PubSub shape, typed by topic, with a way to release connections. */
export interface EventBus<Topics extends Record<string, unknown>> extends PubSub {
  publish<K extends keyof Topics & string>(topic: K, payload: Topics[K]): void;
  subscribe<K extends keyof Topics & string>(topic: K): BusSubscription<Topics[K]>;
  close(): Promise<void>;
  /** Resolves when the bus's server answers (Redis); absent for an in-process bus. */
  ping?(): Promise<void>;
}

/** Messages a subscriber may hold before it is considered stuck and stops receiving. */
const QUEUE_LIMIT = 10_000;

/** The bus of a single process: publish reaches this process's subscribers only. */
export class MemoryPubSub<Topics extends Record<string, unknown>> implements EventBus<Topics> {
  private readonly topics = new Map<string, Set<BoundedQueue<unknown>>>();

  publish<K extends keyof Topics & string>(topic: K, payload: Topics[K]): void {
    for (const queue of this.topics.get(topic) ?? []) queue.push(payload);
  }

  subscribe<K extends keyof Topics & string>(topic: K): BusSubscription<Topics[K]> {
    let subscribers = this.topics.get(topic);
    if (!subscribers) this.topics.set(topic, (subscribers = new Set()));
    const set = subscribers;
    const queue = new BoundedQueue<Topics[K]>(QUEUE_LIMIT, undefined, () => set.delete(queue as BoundedQueue<unknown>));
    set.add(queue as BoundedQueue<unknown>);
    return Object.assign(queue, { ready: Promise.resolve() });
  }

  async close(): Promise<void> {
    for (const subscribers of this.topics.values()) for (const queue of [...subscribers]) queue.close();
    this.topics.clear();
  }
}
