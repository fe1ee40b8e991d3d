import type { Config } from '../config';
import { MemoryPubSub, type EventBus } from './memory.pubsub';
import { RedisEventBus } from './redis.pubsub';

/** "Events up to this id are committed": a nudge to read the outbox, never the events themselves. */
export const EVENTS_COMMITTED = 'article-events.committed';

export interface EventTopics extends Record<string, unknown> {
  [EVENTS_COMMITTED]: { lastId: number };
}

export type ArticleEventBus = EventBus<EventTopics>;

/** Redis when REDIS_URL is set (every instance and the CLI hear each other), else this process only. */
export function openEventBus(config: Pick<Config, 'redisUrl' | 'redisChannelPrefix'>, onError: (error: unknown) => void): ArticleEventBus {
  return config.redisUrl ? new RedisEventBus<EventTopics>(config.redisUrl, config.redisChannelPrefix, onError) : new MemoryPubSub<EventTopics>();
}

/**
 * Turns the ids committed by one transaction (an import chunk may hold
 * hundreds) into one message: callbacks after a commit run synchronously, so
 * everything announced before the next microtask goes out together.
 */
export function createAnnouncer(bus: ArticleEventBus): (eventId: number) => void {
  let pending = 0;
  return (eventId) => {
    if (pending === 0) {
      queueMicrotask(() => {
        const lastId = pending;
        pending = 0;
        bus.publish(EVENTS_COMMITTED, { lastId });
      });
    }
    pending = Math.max(pending, eventId);
  };
}
