import type { Logger } from '../logging/logger';

export interface RepeatingTask {
  /** Stops the schedule and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

export interface RepeatingTaskOptions {
  everyMs: number;
  /** Delay before the first run; `everyMs` unless given. */
  firstAfterMs?: number;
  logger: Logger;
  /** Logged with the error when a run fails (it is retried on the next tick). */
  failureMessage: string;
}

/**
 * The server's background loops (the related indexer, topic retraining):
 * the next run is scheduled only after one ends, so runs never overlap; a
 * failed run is logged and retried on the next tick; timers never keep the
 * process alive. `run` is told when a stop was asked, to end at a safe point.
 */
export function startRepeatingTask(run: (stopping: () => boolean) => Promise<void>, options: RepeatingTaskOptions): RepeatingTask {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const stopping = () => stopped;

  const tick = () => {
    timer = null;
    running = run(stopping)
      .catch((error: unknown) => options.logger.error({ err: error }, options.failureMessage))
      .finally(() => schedule(options.everyMs));
  };
  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(tick, delayMs);
    timer.unref();
  };
  schedule(options.firstAfterMs ?? options.everyMs);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
