import { builtWorkerScript, WorkerPool } from '../workers/worker-pool';
import { LanguageFrequencies } from './related.final-frequencies';
import { profileFromCounts } from './related.profile';
import { termCountsOf } from './related.terms';
import type { CountSource } from './related.counted-page';
import type { TermWeight } from './related.types';
import type { ProfileAnswer, ProfileRequest } from './related.profile-worker';

/**
 * An article's term counts as pass 1 saved them (related_index.terms and
 * term_counts, JSON), or as counted again from its text: parsed where it is
 * built, so with a worker the main thread never parses them.
 */
export interface SavedCounts {
  terms: string | readonly string[];
  counts: string | readonly number[];
}

/** A page of profiles, flat: article i's terms and weights are [offsets[i], offsets[i + 1]). */
export interface BuiltPage {
  ids: Int32Array;
  offsets: Int32Array;
  terms: string[];
  weights: Float32Array;
}

/**
 * The backlog profiles of the bulk build's pass 2, a language at a time:
 * `begin` one with its article count (the N of idf), feed its final document
 * frequencies (term_stats rows of df ≥ 2, a page at a time), build its
 * articles' profiles (profileFromCounts over their saved counts), `end` it.
 */
export interface ProfileBuilder {
  /** A new language's table (any previous one is let go); `expectedTerms` sizes it. */
  begin(docs: number, expectedTerms: number): Promise<void>;
  addFrequencies(terms: readonly string[], dfs: ArrayLike<number>): Promise<void>;
  /**
   * Profiles by article id (profileFromCounts with the frequencies fed), of
   * articles with saved counts and of articles saved without them (`texts`:
   * counted here, termCountsOf).
   */
  build(counts: ReadonlyMap<number, SavedCounts>, texts: readonly CountSource[]): Promise<Map<number, TermWeight[]>>;
  /** Each term's df as the table answers it (LanguageFrequencies.of: 1 when the table lacks it). */
  frequencies(terms: readonly string[]): Promise<Int32Array>;
  close(): Promise<void>;
}

/** The language's table and its article count (the N of idf): what building profiles needs. */
export class ProfileTable {
  private readonly frequencies: LanguageFrequencies;

  constructor(
    private readonly docs: number,
    expectedTerms: number,
  ) {
    this.frequencies = new LanguageFrequencies(expectedTerms);
  }

  add(terms: readonly string[], dfs: ArrayLike<number>): void {
    for (let at = 0; at < terms.length; at++) this.frequencies.add(terms[at], dfs[at]);
  }

  build(saved: ReadonlyMap<number, SavedCounts> | ReadonlyArray<readonly [number, SavedCounts]>, texts: readonly CountSource[] = []): BuiltPage {
    const counts: Array<readonly [number, SavedCounts]> = [...saved, ...texts.map((text) => [text.id, termCountsOf(text)] as const)];
    const ids = new Int32Array(counts.length);
    const offsets = new Int32Array(counts.length + 1);
    const terms: string[] = [];
    const weights: number[] = [];
    const dfOf = (term: string) => this.frequencies.of(term);
    let article = 0;
    for (const [id, saved] of counts) {
      const articleTerms: readonly string[] = typeof saved.terms === 'string' ? JSON.parse(saved.terms) : saved.terms;
      const articleCounts: readonly number[] = typeof saved.counts === 'string' ? JSON.parse(saved.counts) : saved.counts;
      for (const { term, weight } of profileFromCounts(tallies(articleTerms, articleCounts), dfOf, this.docs)) {
        terms.push(term);
        weights.push(weight);
      }
      ids[article] = id;
      offsets[++article] = terms.length;
    }
    // The weights are 32-bit already (profileFromCounts): a Float32Array holds them exactly.
    return { ids, offsets, terms, weights: Float32Array.from(weights) };
  }

  frequenciesOf(terms: readonly string[]): Int32Array {
    return Int32Array.from(terms, (term) => this.frequencies.of(term));
  }
}

/** A BuiltPage as the profiles the writes and the LanguageIndex take. */
export function profilesOf(page: BuiltPage): Map<number, TermWeight[]> {
  const profiles = new Map<number, TermWeight[]>();
  for (let article = 0; article < page.ids.length; article++) {
    const profile: TermWeight[] = [];
    for (let at = page.offsets[article]; at < page.offsets[article + 1]; at++) profile.push({ term: page.terms[at], weight: page.weights[at] });
    profiles.set(page.ids[article], profile);
  }
  return profiles;
}

/** The server's builder: on its own thread, between requests. */
export function profileBuilderHere(): ProfileBuilder {
  let table: ProfileTable | null = null;
  const begun = () => {
    if (!table) throw new Error('No language was begun (ProfileBuilder.begin).');
    return table;
  };
  return {
    begin: async (docs, expectedTerms) => void (table = new ProfileTable(docs, expectedTerms)),
    addFrequencies: async (terms, dfs) => begun().add(terms, dfs),
    build: async (counts, texts) => profilesOf(begun().build(counts, texts)),
    frequencies: async (terms) => begun().frequenciesOf(terms),
    close: async () => void (table = null),
  };
}

/** Heap for the table (LanguageFrequencies: about 30 bytes a rare term, 110 a common one) and a page's garbage. */
const WORKER_HEAP_MB = 96;
const WORKER_HEAP_BYTES_PER_TERM = 64;

/**
 * `habari reindex`'s builder: a worker thread holds the table, parses each
 * page's saved counts (or counts its texts) and builds its profiles while the
 * main thread writes the previous page. Profiling was the main thread alone,
 * with the other core idle, for a third of a 1,000,000-article build;
 * parsing, df lookups and profileFromCounts were about a third of its time.
 * One worker, not two: two beside the SQL thread on two cores were slower
 * (100,000 articles: 58 s of profiling against 44 s, and 34 s more CPU).
 * Same profiles as profileBuilderHere (the same ProfileTable).
 * `tableTerms` is the expectedTerms of the language it is started for (its
 * heap limit): it lives as long as that language's profiling.
 */
export function profileBuilderOnWorker(tableTerms: number): ProfileBuilder {
  const maxOldGenerationSizeMb = WORKER_HEAP_MB + Math.ceil((tableTerms * WORKER_HEAP_BYTES_PER_TERM) / 1_048_576);
  const worker = WorkerPool.start<ProfileRequest, ProfileAnswer>('related profiling', builtWorkerScript(__dirname, 'related.profile-worker.js'), 1, {
    resourceLimits: { maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 16 },
  });
  return {
    begin: async (docs, expectedTerms) => void (await worker.run({ kind: 'begin', docs, expectedTerms })),
    addFrequencies: async (terms, dfs) => void (await worker.run({ kind: 'frequencies', terms: [...terms], dfs: Int32Array.from(dfs) })),
    build: async (counts, texts) => {
      // Only what counting reads crosses to the worker (a page's rows may carry more).
      const sources = texts.map(({ id, title, standfirst, bodyText, language }) => ({ id, title, standfirst, bodyText, language }));
      return profilesOf((await worker.run({ kind: 'build', counts: [...counts], texts: sources })) as BuiltPage);
    },
    frequencies: async (terms) => (await worker.run({ kind: 'lookup', terms: [...terms] })) as Int32Array,
    close: () => worker.close(),
  };
}

function* tallies(terms: readonly string[], counts: readonly number[]): Iterable<[string, number]> {
  for (let at = 0; at < terms.length; at++) yield [terms[at], counts[at]];
}
