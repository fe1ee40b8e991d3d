import { serveRequests } from '../workers/worker-pool';
import { ProfileTable, type BuiltPage, type SavedCounts } from './related.profile-builder';
import { ProfileWriter, type SqliteTarget } from './related.profile-writes';
import type { CountSource } from './related.counted-page';

/**
 * A new language's table (and, with `writeTo`, the file its profiles are
 * written to); a page of its table; a page of saved counts to build (and
 * write); terms whose df is asked; the end (the file closed).
 */
export type ProfileRequest =
  | { kind: 'begin'; docs: number; expectedTerms: number; writeTo?: SqliteTarget }
  | { kind: 'frequencies'; terms: string[]; dfs: Int32Array }
  | { kind: 'build'; counts: Array<[number, SavedCounts]>; texts: CountSource[] }
  | { kind: 'lookup'; terms: string[] }
  | { kind: 'finish' };

export type ProfileAnswer = null | BuiltPage | Int32Array;

// A worker thread of the bulk build's pass 2: holds one language's document frequencies at a time and
// builds its backlog's profiles (ProfileTable) while the main thread reads and writes the database.
let table: ProfileTable | null = null;
let writer: ProfileWriter | null = null;
const begun = (): ProfileTable => {
  if (!table) throw new Error('No language was begun.');
  return table;
};
serveRequests<ProfileRequest, ProfileAnswer>((request) => {
  switch (request.kind) {
    case 'begin':
      table = new ProfileTable(request.docs, request.expectedTerms);
      writer?.close();
      writer = request.writeTo ? new ProfileWriter(request.writeTo) : null;
      return null;
    case 'frequencies':
      begun().add(request.terms, request.dfs);
      return null;
    case 'build': {
      const page = begun().build(request.counts, request.texts);
      // Answered once written: the main thread adds the page to its index knowing it is stored.
      writer?.write(page);
      return page;
    }
    case 'lookup':
      return begun().frequenciesOf(request.terms);
    case 'finish':
      writer?.close();
      writer = null;
      return null;
  }
});
