import { Redis } from 'ioredis';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { BoundedQueue } from './bounded-queue';
import type { BusSubscription, EventBus } from './memory.pubsub';

const QUEUE_LIMIT = 10_000;

/**
 * graphql-redis-subscriptions' RedisPubSub in type-graphql's PubSub shape:
 * every instance (and the import CLI) that shares the Redis server and the
 * channel prefix hears every publish. Connections are lazy, so a process that
 * only publishes (the CLI) never opens the subscriber connection.
 */
export class RedisEventBus<Topics extends Record<string, unknown>> implements EventBus<Topics> {
  private readonly redis: RedisPubSub;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly onError: (error: unknown) => void;

  constructor(
    url: string,
    private readonly prefix: string,
    onError: (error: unknown) => void,
  ) {
    // ioredis reports every failed reconnect; once a minute is enough to tell an operator.
    let lastReported = 0;
    this.onError = (error) => {
      if (Date.now() - lastReported < 60_000) return;
      lastReported = Date.now();
      onError(error);
    };
    // A short retry: a publish is a nudge (the outbox poller is the safety net), never worth blocking for.
    const options = { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true };
    this.publisher = new Redis(url, options);
    this.subscriber = new Redis(url, { ...options, maxRetriesPerRequest: null });
    for (const client of [this.publisher, this.subscriber]) client.on('error', this.onError);
    this.redis = new RedisPubSub({ publisher: this.publisher, subscriber: this.subscriber });
  }

  publish<K extends keyof Topics & string>(topic: K, payload: Topics[K]): void {
    this.redis.publish(this.channel(topic), payload).catch(this.onError);
  }

  subscribe<K extends keyof Topics & string>(topic: K): BusSubscription<Topics[K]> {
    let subscriptionId: Promise<number> | null = null;
    const queue = new BoundedQueue<Topics[K]>(QUEUE_LIMIT, undefined, () => {
      subscriptionId?.then((id) => this.redis.unsubscribe(id)).catch(() => {});
    });
    subscriptionId = this.redis.subscribe(this.channel(topic), (message: Topics[K]) => queue.push(message));
    return Object.assign(queue, { ready: subscriptionId.then(() => undefined) });
  }

  /** PING on the publishing connection (connecting it if it never was). */
  async ping(): Promise<void> {
    await this.publisher.ping();
  }

  async close(): Promise<void> {
    await Promise.all([this.publisher, this.subscriber].map((client) => quit(client)));
  }

  private channel(topic: string): string {
    return `${this.prefix}:${topic}`;
  }
}

/** QUIT flushes pending publishes (bounded wait); a client that never connected just stops. */
async function quit(client: Redis): Promise<void> {
  if (client.status === 'wait' || client.status === 'end') {
    client.disconnect();
    return;
  }
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, 2_000).unref());
  await Promise.race([client.quit().then(() => undefined, () => undefined), timeout]);
  client.disconnect();
}
