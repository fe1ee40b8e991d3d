import { TermInterner } from './related.term-interner';

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
  private readonly terms: TermInterner;
  private df: Int32Array;

  constructor(expectedTerms = 1024) {
    this.terms = new TermInterner(expectedTerms);
    this.df = new Int32Array(Math.max(16, expectedTerms));
  }

  /** Records a term's df (each term once; a df below 2 is not kept). */
  add(term: string, df: number): void {
    if (df < 2) return;
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
    const id = this.terms.idOf(term);
    return id === undefined ? 1 : this.df[id];
  }

  get size(): number {
    return this.terms.size;
  }
}
