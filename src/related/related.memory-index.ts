import { compareTerms } from './related.profile';
import { POSTINGS_DF_CAP, SEARCH_TERMS } from './related.weights';
import type { RelatedInput, TermWeight } from './related.types';
import { ArticleColumns, type ArticleColumnsParts, type IndexedArticle } from './related.article-columns';
import { vocabularyReader, type SharedVocabulary } from './related.shared-vocabulary';
import { TermInterner } from './related.term-interner';
import { adoptVocabularyIds, packWithIds } from './related.packed';
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
  postingsStart: Int32Array;
  postings: Int32Array;
  searchable: Uint8Array;
}

/**
 * Every indexed article of one language in memory, for the bulk build
 * (related.bulk-index.ts): profiles as interned term ids and 32-bit weights
 * (as profiles are built) in flat typed arrays (8 bytes a term), and an
 * inverted index of the terms the candidate search may use. `candidates` answers exactly what
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
  private profileTerms: Growable<Int32Array>;
  private profileWeights: Growable<Float32Array>;
  private postingsStart: Int32Array = new Int32Array(0);
  private postings: Int32Array = new Int32Array(0);
  private scores = new Float64Array(0);
  private readonly materialized = new Map<number, RelatedInput>();
  /** Whether profiles go to the ranking with their term ids (fromParts). */
  private handsOverIds = false;

  constructor(
    private readonly dfCap = POSTINGS_DF_CAP,
    private readonly searchTerms = SEARCH_TERMS,
    /** Inputs (profiles as TermWeight arrays) kept for the ranking: neighbouring targets share candidates. */
    private readonly materializedMax = 20_000,
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
      postingsStart: this.postingsStart,
      postings: this.postings,
      searchable: this.searchable,
    };
  }

  /**
   * The sealed index `parts` describe (in a worker thread). With
   * `packWithVocabularyIds`, the ranking's packed profiles take this
   * vocabulary's term ids (related.packed.ts adoptVocabularyIds): for a
   * thread that ranks from this index alone.
   */
  static fromParts(parts: LanguageIndexParts, materializedMax?: number, options: { packWithVocabularyIds?: boolean } = {}): LanguageIndex {
    const index = new LanguageIndex(parts.dfCap, parts.searchTerms, materializedMax, { articles: 0, terms: 0 });
    if (options.packWithVocabularyIds) {
      adoptVocabularyIds(parts.vocabulary.offsets.length - 1);
      index.handsOverIds = true;
    }
    index.interner = null;
    index.vocabulary = vocabularyReader(parts.vocabulary);
    index.articles = ArticleColumns.fromParts(parts.articles);
    index.offsets = new Growable(parts.offsets, sharedInt32, parts.offsets.length);
    index.profileTerms = new Growable(parts.profileTerms, sharedInt32, parts.profileTerms.length);
    index.profileWeights = new Growable(parts.profileWeights, sharedFloat32, parts.profileWeights.length);
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
    this.articles.push(article);
    // The order RelatedRepository.readProfiles gives: the search takes the first SEARCH_TERMS, sums in this order.
    const sorted = [...profile].sort((a, b) => b.weight - a.weight || compareTerms(a.term, b.term));
    for (const entry of sorted) {
      const id = this.interner!.intern(entry.term);
      this.profileTerms.push(id);
      this.profileWeights.push(entry.weight);
      onTermId?.(id, entry);
    }
    this.offsets.push(this.profileTerms.length);
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

  /**
   * The article as the ranking sees it; undefined unless indexed and published.
   * The same object while it stays cached, so what the ranking remembers per
   * profile array (related.packed.ts) is worked out once.
   */
  input(articleId: number): RelatedInput | undefined {
    const position = this.articles.positionOf(articleId);
    if (position === undefined || !this.articles.isPublished(position)) return undefined;
    let input = this.materialized.get(position);
    if (!input) {
      const { published: _published, ...fields } = this.articles.article(position);
      input = { ...fields, profile: this.profile(position) };
      if (this.materialized.size >= this.materializedMax) this.materialized.clear();
      this.materialized.set(position, input);
    }
    return input;
  }

  /**
   * The ids of the `limit` indexed articles sharing the most of the target's
   * heaviest searchable terms' weight, as candidateIds: best first, ties by id.
   */
  candidates(articleId: number, limit: number): number[] {
    const target = this.articles.positionOf(articleId);
    if (target === undefined) return [];
    const offsets = this.offsets.data;
    const termsOf = this.profileTerms.data;
    const weights = this.profileWeights.data;
    const scores = this.scores;
    const touched: number[] = [];
    const end = Math.min(offsets[target] + this.searchTerms, offsets[target + 1]);
    for (let k = offsets[target]; k < end; k++) {
      const term = termsOf[k];
      if (!this.searchable[term]) continue;
      const weight = weights[k];
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
    return best.map((position) => this.articles.id(position));
  }

  private profile(position: number): readonly TermWeight[] {
    const [start, end] = [this.offsets.data[position], this.offsets.data[position + 1]];
    const [ids, weights] = [this.profileTerms.data, this.profileWeights.data];
    const profile: TermWeight[] = new Array(end - start);
    for (let k = start; k < end; k++) profile[k - start] = new IndexedTerm(this.vocabulary, ids[k], weights[k]);
    // A view, not a copy: a worker's index arrays do not change once sealed.
    if (this.handsOverIds) packWithIds(profile, ids.subarray(start, end));
    return profile;
  }
}

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
