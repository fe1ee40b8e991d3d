import { serveRequests } from '../workers/worker-pool';
import { ProfileTable, type BuiltPage, type SavedCounts } from './related.profile-builder';
import type { CountSource } from './related.counted-page';

/** A new language's table; a page of its table; a page of saved counts to build; terms whose df is asked. */
export type ProfileRequest =
  | { kind: 'begin'; docs: number; expectedTerms: number }
  | { kind: 'frequencies'; terms: string[]; dfs: Int32Array }
  | { kind: 'build'; counts: Array<[number, SavedCounts]>; texts: CountSource[] }
  | { kind: 'lookup'; terms: string[] };

export type ProfileAnswer = null | BuiltPage | Int32Array;

// A worker thread of the bulk build's pass 2: holds one language's document frequencies at a time and
// builds its backlog's profiles (ProfileTable) while the main thread reads and writes the database.
let table: ProfileTable | null = null;
const begun = (): ProfileTable => {
  if (!table) throw new Error('No language was begun.');
  return table;
};
serveRequests<ProfileRequest, ProfileAnswer>((request) => {
  switch (request.kind) {
    case 'begin':
      table = new ProfileTable(request.docs, request.expectedTerms);
      return null;
    case 'frequencies':
      begun().add(request.terms, request.dfs);
      return null;
    case 'build':
      return begun().build(request.counts, request.texts);
    case 'lookup':
      return begun().frequenciesOf(request.terms);
  }
});
