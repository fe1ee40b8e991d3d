import { TermInterner } from './related.term-interner';

/** Terms in at least this many articles are common (kept in the Map, up to COMMON_AT_MOST). */
const COMMON_FROM_DF = 16;
const COMMON_AT_MOST = 200_000;

/**
 * One language's document frequencies once the bulk build's count is done
 * (they no longer change during the build), held for its profiling pass in
 * a TermInterner and a typed array: about 30 bytes a term, against about
 * 110 for a Map of strings, and no statement per page. Before this, each
 * 2,000-article page read the df of its rare terms from term_stats again
 * (an IN list of tens of thousands of terms): at 100,000 articles that was
 * 14 s of SQL and 10 s of sets and maps on the build's one SQL thread.
 *
 * Only terms held by two articles or more are loaded (about half a
 * language's terms are held by one): a term the table lacks reads as df 1,
 * which is what every term of a counted article has at least (pass 1 added
 * it to term_stats). profileFromCounts reads a df of 0 as 1 too, so the
 * profiles are those built from term_stats itself.
 */
export class LanguageFrequencies {
  /**
   * Common terms, in a Map: most of a page's lookups are the words every
   * article has, and a Map answers those several times faster than a probe of
   * the interner's large tables (at 100,000 articles, 30 million probes took
   * 19 s). Bounded, so a huge vocabulary stays compact.
   */
  private readonly common = new Map<string, number>();
  private readonly terms: TermInterner;
  private df: Int32Array;

  constructor(expectedTerms = 1024) {
    this.terms = new TermInterner(expectedTerms);
    this.df = new Int32Array(Math.max(16, expectedTerms));
  }

  /** Records a term's df (each term once; a df below 2 is not kept). */
  add(term: string, df: number): void {
    if (df < 2) return;
    if (df >= COMMON_FROM_DF && this.common.size < COMMON_AT_MOST) {
      this.common.set(term, df);
      return;
    }
    const id = this.terms.intern(term);
    if (id >= this.df.length) {
      const bigger = new Int32Array(Math.ceil(this.df.length * 1.5) + 16);
      bigger.set(this.df);
      this.df = bigger;
    }
    this.df[id] = df;
  }

  /** The term's df: 1 when the table does not hold it. */
  of(term: string): number {
    const common = this.common.get(term);
    if (common !== undefined) return common;
    const id = this.terms.idOf(term);
    return id === undefined ? 1 : this.df[id];
  }

  get size(): number {
    return this.common.size + this.terms.size;
  }
}
