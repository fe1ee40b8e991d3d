#!/usr/bin/env node
import { rerunWithMallocTuning, runWithHeapCap } from './heap-cap';

/**
 * Commands that run under a V8 heap limit (megabytes): what a 1,000,000-article
 * `reindex` keeps live (its backlog, one language's articles and profile
 * vocabulary until the ranking workers have their copies) with room to
 * collect; typed arrays and the workers' heaps are outside it. (640 MB ran
 * out at the end of the count at 1,000,000, when the language's whole df was
 * still read at once; that read is per page now, and the limit has room.)
 * The command runs on a worker thread with that limit (runWithHeapCap), in a
 * child process with malloc tuned for it (rerunWithMallocTuning); this file
 * loads nothing else first, so the waiting parent and main thread stay small.
 */
const HEAP_LIMITS: Readonly<Record<string, number>> = { reindex: 1024 };

async function start(): Promise<void> {
  const limit = HEAP_LIMITS[process.argv[2] ?? ''];
  // A process with malloc tuned for it (rerunWithMallocTuning), then a thread with the heap limit.
  const exit = limit ? ((await rerunWithMallocTuning()) ?? (await runWithHeapCap(__filename, limit))) : null;
  if (exit !== null) {
    process.exitCode = exit;
    return;
  }
  // Loaded only now (see HEAP_LIMITS): require, because the build is CommonJS.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main } = require('./program') as typeof import('./program');
  await main(process.argv);
}

void start();
