import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { isMainThread, Worker, workerData } from 'node:worker_threads';

/** The capped thread's young generation: V8 gives a 1 GB heap 48 MB (see the README's seventh-session figures). */
const YOUNG_GENERATION_MB = 16;

/** workerData of the capped thread: what it cannot ask of its own (forwarded) stderr. */
interface CappedThreadData {
  habariHeapCapped: { stderrIsTTY: boolean };
}

/**
 * Runs `script` (the CLI's entry, for this same command line) on a worker
 * thread whose V8 heap is limited to `megabytes`, unless the operator gave a
 * limit (a --max-old-space-size flag, in argv or NODE_OPTIONS) or this is
 * that thread already. Without a limit V8 sizes its heap for the machine
 * (several GB here) and lets garbage pile up before collecting: the related
 * build of 20,000 articles peaked at 908 MB RSS uncapped and 618 MB with a
 * 384 MB heap.
 *
 * A thread's resourceLimits rather than `--max-old-space-size`: V8 flags are
 * process-wide and win over the resourceLimits of every worker thread, so
 * under the flag each of reindex's counting and ranking workers had a 1 GB
 * limit as well (their own 60-300 MB limits were ignored, and they let
 * garbage grow accordingly). Answers the thread's exit code, or null when
 * this thread is the one to run the command.
 */
export async function runWithHeapCap(script: string, megabytes: number): Promise<number | null> {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((flag) => flag.includes('--max-old-space-size'));
  if (given || !isMainThread) return null;
  const data: CappedThreadData = { habariHeapCapped: { stderrIsTTY: Boolean(process.stderr.isTTY) } };
  const thread = new Worker(script, { argv: process.argv.slice(2), workerData: data, resourceLimits: { maxOldGenerationSizeMb: megabytes, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  return new Promise((resolve) => {
    // An uncaught error (running out of the heap among them) ends the thread with exit code 1.
    thread.on('error', (error) => {
      const outOfHeap = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      console.error(outOfHeap ? `Out of its ${megabytes} MB heap: give a larger one with node --max-old-space-size=<MB> (worker threads then share that limit).` : error);
    });
    thread.on('exit', resolve);
  });
}

/** Whether stderr is a terminal, also on the capped thread (whose stderr is forwarded through the main one). */
export function stderrIsTerminal(): boolean {
  if (isMainThread) return Boolean(process.stderr.isTTY);
  return Boolean((workerData as Partial<CappedThreadData> | undefined)?.habariHeapCapped?.stderrIsTTY);
}

/**
 * glibc's malloc for a long command with worker threads: at most two arenas
 * (one per thread, 64 MB heaps each, kept their freed memory), and a fixed
 * mmap threshold (glibc raises it up to 32 MB after each large free, so a
 * growing index's discarded arrays were reused from the arenas and never
 * given back). Measured on the 1,000,000-article reindex: see the README.
 */
export const MALLOC_TUNING: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' };

/**
 * Runs this command again in a child process with MALLOC_TUNING in its
 * environment (malloc reads it once, at start), unless a variable of it is
 * set already (by the operator, or this is the child) or the C library is
 * not glibc. Answers the child's exit code, or null when this process is the
 * one to run the command.
 */
export async function rerunWithMallocTuning(): Promise<number | null> {
  if (!isMainThread || Object.keys(MALLOC_TUNING).some((name) => process.env[name] !== undefined)) return null;
  // Asked last: a diagnostic report is the one place Node names the C library, and the child need not build one.
  const report = process.platform === 'linux' ? (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined) : undefined;
  if (!report?.header?.glibcVersionRuntime) return null;
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, ...MALLOC_TUNING } });
  // Ctrl-C reaches both through the process group; a SIGTERM sent to this process alone is passed on.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGTERM', forward);
  process.on('SIGINT', () => undefined);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGTERM', forward);
      resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
    });
  });
}
