import { compareTerms } from './related.profile';
import { POSTINGS_DF_CAP, SEARCH_TERMS } from './related.weights';
import type { TermWeight } from './related.types';
import { ArticleColumns, type ArticleColumnsParts, type IndexedArticle } from './related.article-columns';
import { vocabularyReader, type SharedVocabulary } from './related.shared-vocabulary';
import { TermInterner } from './related.term-interner';
import { Growable, sharedBytes, sharedFloat32, sharedInt32 } from '../workers/shared-arrays';

export type { IndexedArticle } from './related.article-columns';

/** A sealed LanguageIndex as a worker thread receives it: typed arrays on shared memory, nothing of size copied. */
export interface LanguageIndexParts {
  dfCap: number;
  searchTerms: number;
  /** The vocabulary as shared UTF-8 bytes: not a copy of millions of strings per worker. */
  vocabulary: SharedVocabulary;
  articles: ArticleColumnsParts;
  offsets: Int32Array;
  profileTerms: Int32Array;
  profileWeights: Float32Array;
  profileOrder: Uint8Array;
  postingsStart: Int32Array;
  postings: Int32Array;
  searchable: Uint8Array;
}

/** The most terms a profile may have here: its weight order is kept a byte a term (TERM_PROFILE.size is 100). */
export const MAX_INDEXED_PROFILE = 256;

/**
 * Every indexed article of one language in memory, for the bulk build
 * (related.bulk-index.ts): profiles as interned term ids and 32-bit weights
 * (as profiles are built) in flat typed arrays, each profile's terms by
 * ascending id (two profiles' shared terms are one merge, with nothing sorted
 * per comparison) and its weight order beside them (a byte a term: 9 bytes a
 * term in all), and an inverted index of the terms the candidate search may
 * use. `candidates` answers exactly what
 * RelatedRepository.candidateIds answers from SQL (same terms, same cap,
 * same sums in the same order, same tie-break by id), so a list built here
 * equals one built an article at a time.
 */
export class LanguageIndex {
  /** Interns terms while articles are added (this thread); a worker has none. */
  private interner: TermInterner | null = new TermInterner();
  /** The terms by id: the interner here, the shared bytes' reader in a worker. */
  private vocabulary: { readonly size: number; term(id: number): string } = this.interner!;
  private articles: ArticleColumns;
  private offsets: Growable<Int32Array>;
  /** Per article, its terms by ascending id, and their weights in the same places. */
  private profileTerms: Growable<Int32Array>;
  private profileWeights: Growable<Float32Array>;
  /** Per article, for its k-th heaviest term (ties by term), that term's place among its terms by id. */
  private profileOrder: Growable<Uint8Array>;
  private postingsStart: Int32Array = new Int32Array(0);
  private postings: Int32Array = new Int32Array(0);
  private scores = new Float64Array(0);

  constructor(
    private readonly dfCap = POSTINGS_DF_CAP,
    private readonly searchTerms = SEARCH_TERMS,
    /**
     * How many articles and profile terms are expected: the arrays start that
     * large, since growing a 30-million-term array by half copies it into one
     * 1.5 times its size (most of a large build's peak memory).
     */
    expected: { articles: number; terms: number } = { articles: 1024, terms: 1024 },
  ) {
    this.articles = new ArticleColumns(expected.articles);
    this.offsets = new Growable(sharedInt32(Math.max(1024, expected.articles + 1)), sharedInt32);
    this.profileTerms = new Growable(sharedInt32(Math.max(1024, expected.terms)), sharedInt32);
    this.profileWeights = new Growable(sharedFloat32(Math.max(1024, expected.terms)), sharedFloat32);
    this.profileOrder = new Growable(sharedBytes(Math.max(1024, expected.terms)), sharedBytes);
    this.offsets.push(0);
  }

  /** What a worker thread needs to answer candidates() and input() as this index does (after seal). */
  parts(): LanguageIndexParts {
    return {
      dfCap: this.dfCap,
      searchTerms: this.searchTerms,
      vocabulary: this.sharedVocabulary!,
      articles: this.articles.parts(),
      offsets: this.offsets.trimmed(),
      profileTerms: this.profileTerms.trimmed(),
      profileWeights: this.profileWeights.trimmed(),
      profileOrder: this.profileOrder.trimmed(),
      postingsStart: this.postingsStart,
      postings: this.postings,
      searchable: this.searchable,
    };
  }

  /** The sealed index `parts` describe (in a worker thread). */
  static fromParts(parts: LanguageIndexParts): LanguageIndex {
    const index = new LanguageIndex(parts.dfCap, parts.searchTerms, { articles: 0, terms: 0 });
    index.interner = null;
    index.vocabulary = vocabularyReader(parts.vocabulary);
    index.articles = ArticleColumns.fromParts(parts.articles);
    index.offsets = new Growable(parts.offsets, sharedInt32, parts.offsets.length);
    index.profileTerms = new Growable(parts.profileTerms, sharedInt32, parts.profileTerms.length);
    index.profileWeights = new Growable(parts.profileWeights, sharedFloat32, parts.profileWeights.length);
    index.profileOrder = new Growable(parts.profileOrder, sharedBytes, parts.profileOrder.length);
    index.postingsStart = parts.postingsStart;
    index.postings = parts.postings;
    index.searchable = parts.searchable;
    index.scores = new Float64Array(index.articles.length);
    return index;
  }

  get size(): number {
    return this.articles.length;
  }

  /**
   * Adds an article; articles must come in ascending id order (ties in the
   * search go to the lower id). `onTermId` is told each profile term's id.
   */
  add(article: IndexedArticle, profile: readonly TermWeight[], onTermId?: (termId: number, term: TermWeight) => void): void {
    if (profile.length > MAX_INDEXED_PROFILE) throw new Error(`LanguageIndex.add: article ${article.id} has ${profile.length} profile terms (at most ${MAX_INDEXED_PROFILE})`);
    this.articles.push(article);
    // The order RelatedRepository.readProfiles gives: the search takes the first SEARCH_TERMS, sums in this order.
    const sorted = [...profile].sort((a, b) => b.weight - a.weight || compareTerms(a.term, b.term));
    const n = sorted.length;
    for (let k = 0; k < n; k++) {
      const id = this.interner!.intern(sorted[k].term);
      idKeys[k] = id * MAX_INDEXED_PROFILE + k;
      onTermId?.(id, sorted[k]);
    }
    // Terms by id: one numeric sort of id·256 + rank (ids are below 2^31, so the keys are exact).
    const keys = idKeys.subarray(0, n).sort();
    const start = this.profileTerms.length;
    for (let place = 0; place < n; place++) {
      const rank = keys[place] % MAX_INDEXED_PROFILE;
      this.profileTerms.push((keys[place] - rank) / MAX_INDEXED_PROFILE);
      this.profileWeights.push(sorted[rank].weight);
      placeOfRank[rank] = place;
    }
    for (let rank = 0; rank < n; rank++) this.profileOrder.push(placeOfRank[rank]);
    this.offsets.push(start + n);
  }

  /** How many distinct profile terms there are: their ids are 0 to vocabularySize - 1. */
  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  /** The term with this id. */
  term(id: number): string {
    return this.vocabulary.term(id);
  }

  /** A term's id, which seal's dfOf is asked by; undefined if no profile has it. */
  termIdOf(term: string): number | undefined {
    return this.interner!.idOf(term);
  }

  /**
   * Builds the postings of the terms the search may use (df ≤ cap); `dfOf`
   * answers term_stats.df of a term id (vocabulary order), Infinity for a term it lacks.
   */
  seal(dfOf: (termId: number) => number): void {
    const termCount = this.vocabulary.size;
    const searchable = sharedBytes(termCount);
    for (let id = 0; id < termCount; id++) searchable[id] = dfOf(id) <= this.dfCap ? 1 : 0;
    const termsOf = this.profileTerms.trimmed();
    const offsets = this.offsets.trimmed();
    const counts = sharedInt32(termCount + 1);
    for (let k = 0; k < termsOf.length; k++) if (searchable[termsOf[k]]) counts[termsOf[k] + 1]++;
    for (let t = 0; t < termCount; t++) counts[t + 1] += counts[t];
    this.postingsStart = counts;
    this.postings = sharedInt32(counts[termCount]);
    const fill = counts.slice(0, termCount);
    for (let a = 0; a < this.articles.length; a++) {
      for (let k = offsets[a]; k < offsets[a + 1]; k++) {
        const term = termsOf[k];
        if (searchable[term]) this.postings[fill[term]++] = a;
      }
    }
    // Searchability per term id, kept for candidates(): df ≤ cap.
    this.searchable = searchable;
    this.scores = new Float64Array(this.articles.length);
    // Nothing is interned any more: the interner's lookup tables (about 14 bytes a term: 90 MB for
    // 6.6 million) are let go, and its bytes read as the workers read them.
    this.sharedVocabulary = this.interner!.shared();
    this.vocabulary = vocabularyReader(this.sharedVocabulary);
    this.interner = null;
  }

  /** The terms' bytes once sealed (parts()). */
  private sharedVocabulary: SharedVocabulary | null = null;

  private searchable: Uint8Array = new Uint8Array(0);

  has(articleId: number): boolean {
    return this.articles.positionOf(articleId) !== undefined;
  }

  /** Where article `id` is (positions ascend with ids), or undefined. */
  positionOf(id: number): number | undefined {
    return this.articles.positionOf(id);
  }

  /** The indexed articles' fields, by position. */
  get columns(): ArticleColumns {
    return this.articles;
  }

  /**
   * The profile arrays, by position: article p's terms are
   * `terms[offsets[p]..offsets[p+1])` by ascending id with `weights` in the
   * same places, and `order[offsets[p] + k]` is the place of its k-th heaviest.
   * Read only.
   */
  get profiles(): { offsets: Int32Array; terms: Int32Array; weights: Float32Array; order: Uint8Array } {
    return { offsets: this.offsets.data, terms: this.profileTerms.data, weights: this.profileWeights.data, order: this.profileOrder.data };
  }

  /** The profile at `position`, heaviest first, as the ranking's TermWeight arrays (terms decoded when read). */
  profileAt(position: number): TermWeight[] {
    const start = this.offsets.data[position];
    const n = this.offsets.data[position + 1] - start;
    const [ids, weights, order] = [this.profileTerms.data, this.profileWeights.data, this.profileOrder.data];
    const profile: TermWeight[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const at = start + order[start + k];
      profile[k] = new IndexedTerm(this.vocabulary, ids[at], weights[at]);
    }
    return profile;
  }

  /**
   * The ids of the `limit` indexed articles sharing the most of the target's
   * heaviest searchable terms' weight, as candidateIds: best first, ties by id.
   */
  candidates(articleId: number, limit: number): number[] {
    const target = this.articles.positionOf(articleId);
    return target === undefined ? [] : this.candidatePositions(target, limit).map((position) => this.articles.id(position));
  }

  /** candidates() by position. */
  candidatePositions(target: number, limit: number): number[] {
    const offsets = this.offsets.data;
    const termsOf = this.profileTerms.data;
    const weights = this.profileWeights.data;
    const order = this.profileOrder.data;
    const scores = this.scores;
    const touched: number[] = [];
    const start = offsets[target];
    const end = Math.min(start + this.searchTerms, offsets[target + 1]);
    for (let k = start; k < end; k++) {
      const at = start + order[k];
      const term = termsOf[at];
      if (!this.searchable[term]) continue;
      const weight = weights[at];
      for (let p = this.postingsStart[term]; p < this.postingsStart[term + 1]; p++) {
        const other = this.postings[p];
        if (other === target) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] += weight;
      }
    }
    // The best `limit`, kept sorted (score desc, then position = id asc): most candidates fail the first comparison.
    const best: number[] = [];
    const better = (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && a < b);
    for (const candidate of touched) {
      if (best.length === limit && !better(candidate, best[limit - 1])) continue;
      let i = best.length === limit ? limit - 1 : best.length;
      while (i > 0 && better(candidate, best[i - 1])) {
        best[i] = best[i - 1];
        i--;
      }
      best[i] = candidate;
    }
    for (const candidate of touched) scores[candidate] = 0;
    return best;
  }
}

// add()'s scratch: sort keys, and each rank's place among the terms by id.
const idKeys = new Float64Array(MAX_INDEXED_PROFILE);
const placeOfRank = new Uint8Array(MAX_INDEXED_PROFILE);

/**
 * A profile term as the index holds it, its string decoded from the
 * vocabulary only when read. The ranking compares term ids (related.packed.ts)
 * and names only the terms a target shares with its best candidates and its
 * feedback neighbours: decoding every term of every candidate (50 candidates
 * of 100 terms per target) was a fifth of a ranking worker's time, and much of its garbage.
 * Only the ranking gets these: `term` is a getter, so a spread would drop it.
 */
class IndexedTerm implements TermWeight {
  private decoded: string | undefined;

  constructor(
    private readonly vocabulary: { term(id: number): string },
    private readonly id: number,
    readonly weight: number,
  ) {}

  get term(): string {
    return (this.decoded ??= this.vocabulary.term(this.id));
  }
}
