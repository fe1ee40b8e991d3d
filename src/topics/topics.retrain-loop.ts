import type { Logger } from '../logging/logger';
import { startRepeatingTask } from '../operations/repeating-task';
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
  return startRepeatingTask(
    async () => {
      for (const summary of await topics.retrainStale()) logger.info(summary, 'topic model trained');
    },
    { everyMs: checkMs, firstAfterMs: 0, logger, failureMessage: 'topic training failed; retrying on the next check' },
  );
}
