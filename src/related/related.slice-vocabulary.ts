import type { EncodedTermSet, SortedCounts } from './related.counted-page';
import type { LanguageCode } from '../languages/language.catalogue';
import { stopWordsOf } from '../text/text.stopwords';
import { scanTokens, TokenSpans } from '../text/text.tokenize';
import { profileTermOf, visitProfileTexts, type TokenSource } from './related.terms';
import { TokenTable } from './related.token-table';

/** A counted article of a SliceVocabulary: its distinct terms by number, and how often its stream has each. */
interface NumberedSet {
  ids: Int32Array;
  counts: Int32Array;
}

const FIRST_SIZE = 4_096;
/** The number `tokens` gives a token that is no profile term (a stop word, a number). */
const NO_TERM = -1;

/**
 * One language's terms in a slice of articles (pass 1 of the bulk build),
 * numbered as they are met: each article's term set and term counts, and how
 * many of the slice's articles hold each term. What termCountsOf and a df map
 * answer, at a cost the bulk build can pay a million times: each token is
 * looked up once (not in a tally map and again in the df map), and the
 * vocabulary is sorted once (not each article's terms apart: those sorts
 * and maps were a third of a counting worker's time). An article's terms are
 * then put in order by their numbers' ranks, a numeric sort.
 */
export class SliceVocabulary {
  /** Each token met, with its term's number (NO_TERM for none): stemming and the stop-word test once a token. */
  private readonly tokens = new TokenTable();
  private readonly spans = new TokenSpans();
  private readonly idOfToken = (token: string) => {
    const term = profileTermOf(token, this.language, this.stopWords);
    if (term === null) return NO_TERM;
    return this.ids.get(term) ?? this.numbered(term);
  };
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private documentFrequency: Int32Array = new Int32Array(FIRST_SIZE);
  /** The count in the article being added, of each term it has (those with lastArticle = its stamp). */
  private termFrequency: Int32Array = new Int32Array(FIRST_SIZE);
  private lastArticle: Int32Array = new Int32Array(FIRST_SIZE);
  private readonly articles: NumberedSet[] = [];
  private readonly stopWords: ReadonlySet<string>;

  constructor(private readonly language: LanguageCode) {
    this.stopWords = stopWordsOf(language);
  }

  /** Counts one article of this vocabulary's language; answers its place among the articles added (finish's sets). */
  add(source: TokenSource): number {
    const stamp = this.articles.length + 1;
    const distinct: number[] = [];
    visitProfileTexts(source, (text, times) => {
      scanTokens(text, this.language, this.spans);
      for (let at = 0; at < this.spans.count; at++) {
        const id = this.tokens.numberAt(this.spans, at, this.idOfToken);
        if (id === NO_TERM) continue;
        if (this.lastArticle[id] !== stamp) {
          this.lastArticle[id] = stamp;
          this.termFrequency[id] = 0;
          this.documentFrequency[id] += 1;
          distinct.push(id);
        }
        this.termFrequency[id] += times;
      }
    });
    const ids = Int32Array.from(distinct);
    this.articles.push({ ids, counts: ids.map((id) => this.termFrequency[id]) });
    return stamp - 1;
  }

  /**
   * Each added article's set as termCountsOf answers it (terms in code-unit
   * order), JSON-encoded, in the order added, and the document frequencies.
   */
  finish(): { sets: EncodedTermSet[]; documentFrequencies: SortedCounts } {
    // The default sort compares UTF-16 code units, as compareTerms does, without a call per comparison.
    const sorted = [...this.terms].sort();
    const rankOf = new Int32Array(sorted.length);
    const counts: number[] = new Array(sorted.length);
    sorted.forEach((term, rank) => {
      const id = this.ids.get(term)!;
      rankOf[id] = rank;
      counts[rank] = this.documentFrequency[id];
    });
    const countAtRank = new Int32Array(sorted.length);
    const sets = this.articles.map(({ ids, counts: termCounts }) => {
      const ranks = new Int32Array(ids.length);
      for (let at = 0; at < ids.length; at++) {
        ranks[at] = rankOf[ids[at]];
        countAtRank[ranks[at]] = termCounts[at];
      }
      ranks.sort();
      const terms: string[] = new Array(ranks.length);
      const tallies: number[] = new Array(ranks.length);
      for (let at = 0; at < ranks.length; at++) {
        terms[at] = sorted[ranks[at]];
        tallies[at] = countAtRank[ranks[at]];
      }
      return { terms: JSON.stringify(terms), counts: JSON.stringify(tallies) };
    });
    return { sets, documentFrequencies: { terms: sorted, counts } };
  }

  private numbered(term: string): number {
    const id = this.terms.length;
    this.ids.set(term, id);
    this.terms.push(term);
    if (id === this.documentFrequency.length) {
      this.documentFrequency = grown(this.documentFrequency);
      this.termFrequency = grown(this.termFrequency);
      this.lastArticle = grown(this.lastArticle);
    }
    return id;
  }
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
