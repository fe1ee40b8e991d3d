import { GraphQLError } from 'graphql';
import type { ArticleWriteRepository } from '../articles/article-write.repository';
import type { ArticleChange, ArticleWriteService } from '../articles/article-write.service';
import type { ImportFailure, ImportProgress, ImportRecord, ImportSummary } from './import.types';

export interface ImportOptions {
  /** Articles per transaction: larger chunks are faster, smaller ones lose less work to a crash. */
  chunkSize?: number;
  /** All-or-nothing: any failure rolls back every article of this import. */
  strict?: boolean;
  onProgress?: ImportProgress;
  /** Stop collecting failure details after this many (the count keeps going). */
  maxReportedFailures?: number;
}

/**
 * Streams records into the database. Each article is written in its own
 * savepoint (with its category, source and images), so a bad record never
 * takes good ones down; chunks of articles share one commit, which is what
 * makes bulk import fast. A crash loses at most the open chunk, and because
 * writes are idempotent, running the same import again completes it.
 */
export class ImportService {
  constructor(
    private readonly writes: ArticleWriteRepository,
    private readonly writer: ArticleWriteService,
  ) {}

  async run(records: AsyncIterable<ImportRecord> | Iterable<ImportRecord>, options: ImportOptions = {}): Promise<ImportSummary> {
    const started = Date.now();
    const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, failed: 0, failures: [], elapsedMs: 0, articlesPerSecond: 0 };
    const maxFailures = options.maxReportedFailures ?? 1000;
    const fail = (failure: ImportFailure) => {
      summary.failed += 1;
      if (summary.failures.length < maxFailures) summary.failures.push(failure);
    };
    const chunkSize = options.strict ? Number.POSITIVE_INFINITY : options.chunkSize ?? 500;
    let chunk: ImportRecord[] = [];
    let done = 0;

    const flush = async () => {
      if (!chunk.length) return;
      const batch = chunk;
      chunk = [];
      const outcomes = await this.writeChunk(batch, options.strict === true);
      for (const outcome of outcomes) {
        if ('reason' in outcome) fail(outcome);
        else summary[outcome.outcome] += 1;
      }
      done += batch.length;
      options.onProgress?.(done);
    };

    for await (const record of records) {
      chunk.push(record);
      if (chunk.length >= chunkSize) await flush();
    }
    await flush();
    summary.elapsedMs = Date.now() - started;
    const written = summary.created + summary.updated + summary.unchanged;
    summary.articlesPerSecond = summary.elapsedMs > 0 ? Math.round((written * 1000) / summary.elapsedMs) : written;
    return summary;
  }

  private async writeChunk(records: ImportRecord[], strict: boolean): Promise<Array<ArticleChange | ImportFailure>> {
    const attempt = async (): Promise<Array<ArticleChange | ImportFailure>> =>
      this.writes.transaction(async (tx) => {
        const outcomes: Array<ArticleChange | ImportFailure> = [];
        for (const record of records) {
          if ('error' in record) {
            outcomes.push({ ...record.ref, reason: record.error });
            continue;
          }
          try {
            outcomes.push(await tx.savepoint(() => this.writer.upsert(tx, record.draft)));
          } catch (error) {
            outcomes.push({ ...record.ref, reason: describe(error) });
          }
        }
        if (strict && outcomes.some((o) => 'reason' in o)) throw new StrictImportRollback(outcomes);
        return outcomes;
      });
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof StrictImportRollback) {
        // Nothing was written: good records are reported as failed too, naming the cause.
        const firstProblem = error.outcomes.find((o): o is ImportFailure => 'reason' in o);
        return error.outcomes.map((o, index) =>
          'reason' in o ? o : { ...records[index].ref, reason: `not written: --strict and ${firstProblem?.file}:${firstProblem?.line} failed` },
        );
      }
      throw error;
    }
  }
}

class StrictImportRollback extends Error {
  constructor(readonly outcomes: Array<ArticleChange | ImportFailure>) {
    super('strict import rolled back');
  }
}

function describe(error: unknown): string {
  if (error instanceof GraphQLError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
