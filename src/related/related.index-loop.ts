import type { Logger } from '../logging/logger';
import { startRepeatingTask } from '../operations/repeating-task';
import type { RelatedIndexer } from './related.indexer';

export interface IndexLoop {
  /** Stops polling and waits for the batch in progress to commit. */
  stop(): Promise<void>;
}

/**
 * Small batches in the server: on SQLite a batch runs on the one connection
 * without yielding (another transaction would nest inside it), so requests
 * wait for at most one batch.
 */
const SERVER_BATCH_SIZE = 20;

/**
 * The server's indexer: every `pollMs` it drains related_queue, whoever
 * queued (this process, the import CLI, another instance). The next tick is
 * scheduled only after a run ends, so runs never overlap; a failed run is
 * logged and retried on the next tick (its batch rolled back into the queue).
 */
export function startRelatedIndexLoop(indexer: RelatedIndexer, logger: Logger, pollMs: number, onIndexed?: (processed: number) => void): IndexLoop {
  return startRepeatingTask(
    async (stopping) => {
      const summary = await indexer.drain({ batchSize: SERVER_BATCH_SIZE, yieldBetweenBatches: true, shouldStop: stopping });
      if (!summary.processed) return;
      logger.debug({ articles: summary.processed, ms: summary.elapsedMs }, 'related index updated');
      onIndexed?.(summary.processed);
    },
    { everyMs: pollMs, logger, failureMessage: 'related indexing failed; retrying on the next tick' },
  );
}
