import type { Logger } from '../logging/logger';
import type { TopicService } from './topics.service';

export interface RetrainLoop {
  /** Stops checking and waits for a training in progress to finish. */
  stop(): Promise<void>;
}

/**
 * The server's topic trainer: loads stored models at once, then every
 * `checkMs` retrains the languages whose categorized archive changed enough
 * (TopicService.retrainStale) and picks up models other processes trained.
 * Runs never overlap; a failed run is logged and retried on the next tick.
 */
export function startTopicRetrainLoop(topics: TopicService, logger: Logger, checkMs: number): RetrainLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const tick = () => {
    timer = null;
    running = topics
      .retrainStale()
      .then(
        (trained) => {
          for (const summary of trained) logger.info(summary, 'topic model trained');
        },
        (error: unknown) => logger.error({ err: error }, 'topic training failed; retrying on the next check'),
      )
      .finally(schedule);
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, checkMs);
    timer.unref();
  };
  timer = setTimeout(tick, 0);
  timer.unref();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
