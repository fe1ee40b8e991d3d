import { serveRequests } from '../workers/worker-pool';
import { countSlice, type CountedSlice } from './related.counted-page';
import { termCountsOf, type TermCounts, type TokenSource } from './related.terms';

/** Articles' texts: their term counts (`tallies`, pass 2's fallback), or their slice of a counted page (pass 1). */
export type CountRequest = { kind: 'tallies'; sources: TokenSource[] } | { kind: 'page'; sources: TokenSource[] };

/** `tallies`: the counts in the request's order; `page`: the slice counted. */
export type CountAnswer = TermCounts[] | CountedSlice;

// A worker thread of the bulk build: tokenizes and counts articles' terms (termCountsOf), the CPU
// of its counting and profiling passes, while the main thread reads and writes the database.
serveRequests<CountRequest, CountAnswer>((request) => (request.kind === 'page' ? countSlice(request.sources) : request.sources.map(termCountsOf)));
