import fs from 'node:fs';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { parentPort, Worker, type ResourceLimits } from 'node:worker_threads';

/** What a pool sends a worker: one request, numbered so its answer finds its caller. */
interface PoolMessage<Request> {
  id: number;
  request: Request;
}

/** A request's outcome: the answer, or why it failed (the worker goes on serving). */
type PoolOutcome<Answer> = { id: number; answer: Answer } | { id: number; error: string };

/** A worker's reply: the outcome, with the size of the worker's heap after it (V8's committed bytes). */
type PoolReply<Answer> = PoolOutcome<Answer> & { heapBytes: number };

/**
 * Worker threads that answer requests, each request going to the worker with
 * the fewest in flight. A worker that dies fails every request in flight and
 * every later one (the caller decides what a failed build does); closing the
 * pool fails what is still waiting. The worker side is serveRequests().
 */
export class WorkerPool<Request, Answer> {
  private readonly pending = new Map<number, { resolve: (answer: Answer) => void; reject: (error: Error) => void; worker: Worker }>();
  private readonly inFlight = new Map<Worker, number>();
  private readonly heapBytes = new Map<Worker, number>();
  private nextId = 0;
  /** Pools not yet closed, for liveWorkerHeapBytes. */
  private static readonly live = new Set<WorkerPool<unknown, unknown>>();
  private failure: Error | null = null;

  private constructor(
    private readonly workers: Worker[],
    private readonly name: string,
  ) {
    for (const worker of workers) {
      this.inFlight.set(worker, 0);
      worker.on('message', (reply: PoolReply<Answer>) => this.settle(reply, worker));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`A ${name} worker stopped with exit code ${code}.`));
      });
    }
  }

  /** `name` says whose workers these are in errors ("related ranking"). */
  static start<Request, Answer>(
    name: string,
    script: string,
    size: number,
    options: { workerData?: unknown; resourceLimits?: ResourceLimits } = {},
  ): WorkerPool<Request, Answer> {
    const pool = new WorkerPool<Request, Answer>(
      Array.from({ length: size }, () => new Worker(script, options)),
      name,
    );
    WorkerPool.live.add(pool as WorkerPool<unknown, unknown>);
    return pool;
  }

  /**
   * The heaps of every open pool's workers, as each last reported them: the
   * part of the process's RSS that `process.memoryUsage()` (this thread's
   * heap) does not show.
   */
  static liveWorkerHeapBytes(): number {
    let total = 0;
    for (const pool of WorkerPool.live) for (const bytes of pool.heapBytes.values()) total += bytes;
    return total;
  }

  get size(): number {
    return this.workers.length;
  }

  run(request: Request): Promise<Answer> {
    if (this.failure) return Promise.reject(this.failure);
    const worker = this.workers.reduce((best, candidate) => (this.inFlight.get(candidate)! < this.inFlight.get(best)! ? candidate : best));
    const id = this.nextId++;
    this.inFlight.set(worker, this.inFlight.get(worker)! + 1);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker });
      worker.postMessage({ id, request } satisfies PoolMessage<Request>);
    });
  }

  async close(): Promise<void> {
    WorkerPool.live.delete(this as WorkerPool<unknown, unknown>);
    this.fail(new Error(`The ${this.name} workers were closed.`));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private settle(reply: PoolReply<Answer>, worker: Worker): void {
    this.heapBytes.set(worker, reply.heapBytes);
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    this.inFlight.set(waiting.worker, this.inFlight.get(waiting.worker)! - 1);
    if ('error' in reply) waiting.reject(new Error(`A ${this.name} worker failed: ${reply.error}`));
    else waiting.resolve(reply.answer);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }
}

/** The worker's side of a WorkerPool: answers each request with `handle`, a thrown error as that request's failure. */
export function serveRequests<Request, Answer>(handle: (request: Request) => Answer): void {
  const port = parentPort;
  if (!port) throw new Error('serveRequests runs in a worker thread started by a WorkerPool.');
  port.on('message', ({ id, request }: PoolMessage<Request>) => {
    let reply: PoolOutcome<Answer>;
    try {
      reply = { id, answer: handle(request) };
    } catch (error) {
      reply = { id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage({ ...reply, heapBytes: getHeapStatistics().total_heap_size } satisfies PoolReply<Answer>);
  });
}

/**
 * A worker's compiled script, `file` beside the module in `dirname`. Built
 * code finds it there; under ts-jest (TypeScript sources) it is the build's
 * copy in dist/, which `npm test` brings up to date first
 * (scripts/build-if-needed.js).
 */
export function builtWorkerScript(dirname: string, file: string): string {
  const beside = path.join(dirname, file);
  if (fs.existsSync(beside)) return beside;
  const srcRoot = path.resolve(__dirname, '..');
  const built = path.resolve(__dirname, '../../dist/src', path.relative(srcRoot, dirname), file);
  if (fs.existsSync(built)) return built;
  throw new Error(`A worker script is not built (looked for ${beside} and ${built}): run \`npm run build\`.`);
}
