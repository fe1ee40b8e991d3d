import { serveRequests } from '../workers/worker-pool';
import { countSlice, type CountedSlice } from './related.counted-page';
import type { TokenSource } from './related.terms';

/** A slice of a page of pass 1: its articles' texts. */
export type CountRequest = TokenSource[];

/** The slice counted. */
export type CountAnswer = CountedSlice;

// A worker thread of the bulk build: tokenizes and counts articles' terms (termCountsOf), the CPU
// of its counting pass, while the main thread reads and writes the database.
serveRequests<CountRequest, CountAnswer>(countSlice);
