import { builtWorkerScript, WorkerPool } from '../workers/worker-pool';
import { countSlice, joinSlices, type CountedPage, type CountSource } from './related.counted-page';
import type { CountAnswer, CountRequest } from './related.term-count-worker';

export type { CountSource } from './related.counted-page';

/** Articles per request to a worker: small requests keep each worker's live memory small (see start). */
const SLICE = 250;

/** Counts articles' profile terms (termCountsOf), on this thread or on workers. */
export interface TermCounter {
  /** The page's term sets and document frequencies (pass 1 of the bulk build). */
  countPage(sources: readonly CountSource[]): Promise<CountedPage>;
  close(): Promise<void>;
}

/** The server's counter: between requests, on its own thread (no worker's memory beside an idle server). */
export const countOnThisThread: TermCounter = {
  countPage: async (sources) => joinSlices([sources], [countSlice(sources)]),
  close: async () => undefined,
};

/**
 * `habari reindex`'s counter: each page is split across worker threads, so
 * tokenizing (a third of the counting and profiling passes' CPU) runs beside
 * the main thread's SQL instead of between it. The answers equal
 * countOnThisThread's (the same termCountsOf).
 */
export class TermCountPool implements TermCounter {
  private constructor(private readonly pool: WorkerPool<CountRequest, CountAnswer>) {}

  static start(size: number): TermCountPool {
    // A slice's texts and counts are a few MB: with the default limits garbage piled up far beyond that
    // (two workers counting 2,500-article halves of a page added 470 MB of RSS). Each worker holds its
    // stemmer's memo and the slices queued to it (a 5,000-article page is 20 slices): 48 MB ran out on
    // the 1,000,000-article synthetic archive once these limits were really applied (heap-cap.ts).
    const resourceLimits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };
    return new TermCountPool(WorkerPool.start('related term counting', builtWorkerScript(__dirname, 'related.term-count-worker.js'), size, { resourceLimits }));
  }

  async countPage(sources: readonly CountSource[]): Promise<CountedPage> {
    const slices = sliced(sources);
    const answers = await Promise.all(slices.map((slice) => this.pool.run(slice)));
    return joinSlices(slices, answers);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/**
 * Only the fields the tokenizer reads cross to the worker (not the whole
 * article row), SLICE at a time, each slice of one language: a slice's
 * vocabulary (SliceVocabulary) is then one language's words from 250
 * articles rather than six languages' from about 40 each, so it is sorted in
 * fewer, longer runs, more of its tokens were met before, and the page's
 * document frequencies come as a few lists a language for this thread to
 * merge, not one from every slice.
 */
export function sliced(sources: readonly CountSource[]): CountSource[][] {
  const byLanguage = new Map<string, CountSource[]>();
  for (const { id, title, standfirst, bodyText, language } of sources) {
    const text = { id, title, standfirst, bodyText, language };
    const texts = byLanguage.get(language);
    if (texts) texts.push(text);
    else byLanguage.set(language, [text]);
  }
  return [...byLanguage.values()].flatMap((texts) => Array.from({ length: Math.ceil(texts.length / SLICE) }, (_, at) => texts.slice(at * SLICE, (at + 1) * SLICE)));
}
