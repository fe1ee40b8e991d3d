import { serveRequests } from '../workers/worker-pool';
import { termCountsOf, type TermCounts, type TokenSource } from './related.terms';

/** Articles' texts, each with its id. */
export type CountRequest = Array<TokenSource & { id: number }>;

/** Their term counts, in the request's order. */
export type CountAnswer = TermCounts[];

// A worker thread of the bulk build: tokenizes and counts articles' terms (termCountsOf), the CPU
// of its counting and profiling passes, while the main thread reads and writes the database.
serveRequests<CountRequest, CountAnswer>((sources) => sources.map(termCountsOf));
