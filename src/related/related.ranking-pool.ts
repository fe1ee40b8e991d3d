import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RankingTopicModel } from '../topics/topics.ranking';
import type { LanguageIndex } from './related.memory-index';
import type { RankAnswer, RankingWorkerData, RankRequest } from './related.ranking-worker';
import type { RelatedResult } from './related.types';

const WORKER_HEAP_MB = 160;
const WORKER_HEAP_BYTES_PER_ARTICLE = 1_000;
const WORKER_HEAP_BYTES_PER_TERM = 120;

/**
 * Worker threads that rank a bulk build's pages in parallel (the ranking is
 * most of a build's CPU time). Each worker gets the sealed LanguageIndex's
 * typed arrays on shared memory (no copy) and a copy of its vocabulary and
 * article fields, and runs the same rankInMemory as the main thread, so the
 * lists are the same; pages go to the worker with the fewest in flight.
 */
export class RankingPool {
  private readonly pending = new Map<number, { resolve: (lists: Map<number, RelatedResult[]>) => void; reject: (error: Error) => void; worker: Worker }>();
  private readonly inFlight = new Map<Worker, number>();
  private nextRequest = 0;
  private failure: Error | null = null;

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      this.inFlight.set(worker, 0);
      worker.on('message', (answer: RankAnswer) => this.settle(answer));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`A related ranking worker stopped with exit code ${code}.`));
      });
    }
  }

  static start(index: LanguageIndex, language: string, topics: RankingTopicModel | null, size: number): RankingPool {
    const workerData: RankingWorkerData = { index: index.parts(), language, topics };
    const script = workerScript();
    // A heap limit near what a worker keeps (its copy of the articles, remembered inputs): without one,
    // V8 lets garbage grow towards its default limit of several GB per worker before collecting.
    // The vocabulary counts too: a language's profiles can name millions of distinct terms (names, places).
    const copied = workerData.index.articles.length * WORKER_HEAP_BYTES_PER_ARTICLE + workerData.index.terms.length * WORKER_HEAP_BYTES_PER_TERM;
    const maxOldGenerationSizeMb = WORKER_HEAP_MB + Math.ceil(copied / 1_048_576);
    return new RankingPool(Array.from({ length: size }, () => new Worker(script, { workerData, resourceLimits: { maxOldGenerationSizeMb } })));
  }

  get size(): number {
    return this.workers.length;
  }

  /** The lists of one page of targets, as rankInMemory answers them. */
  rank(articleIds: number[]): Promise<Map<number, RelatedResult[]>> {
    if (this.failure) return Promise.reject(this.failure);
    const worker = this.workers.reduce((best, candidate) => (this.inFlight.get(candidate)! < this.inFlight.get(best)! ? candidate : best));
    const request = this.nextRequest++;
    this.inFlight.set(worker, this.inFlight.get(worker)! + 1);
    return new Promise((resolve, reject) => {
      this.pending.set(request, { resolve, reject, worker });
      worker.postMessage({ request, articleIds } satisfies RankRequest);
    });
  }

  async close(): Promise<void> {
    this.fail(new Error('The related ranking pool was closed.'));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private settle({ request, lists }: RankAnswer): void {
    const waiting = this.pending.get(request);
    if (!waiting) return;
    this.pending.delete(request);
    this.inFlight.set(waiting.worker, this.inFlight.get(waiting.worker)! - 1);
    waiting.resolve(new Map(lists));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }
}

/**
 * The worker's compiled script. Built code runs it beside this file; under
 * ts-jest (TypeScript sources) it is the build's copy in dist/, which
 * `npm test` brings up to date first (scripts/build-if-needed.js).
 */
function workerScript(): string {
  const beside = path.join(__dirname, 'related.ranking-worker.js');
  if (fs.existsSync(beside)) return beside;
  const built = path.resolve(__dirname, '../../dist/src/related/related.ranking-worker.js');
  if (fs.existsSync(built)) return built;
  throw new Error(`The related ranking worker is not built (looked for ${beside} and ${built}): run \`npm run build\`.`);
}
