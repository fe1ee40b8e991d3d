import type { DocumentCounts } from './related.index-batch';
import type { LanguageCode } from '../languages/language.catalogue';
import { SliceVocabulary } from './related.slice-vocabulary';
import type { TokenSource } from './related.terms';

/** Terms in code-unit order (compareTerms), each with a count: a document frequency or its change. */
export interface SortedCounts {
  terms: string[];
  counts: number[];
}

/** An article's counted terms as related_index stores them: JSON text, encoded where they were counted. */
export interface EncodedTermSet {
  /** JSON array of the distinct terms, in code-unit order. */
  terms: string;
  /** JSON array of how often the article's token stream has each. */
  counts: string;
}

/**
 * What pass 1 of the bulk build needs of a page of articles: each article's
 * term set, already JSON, and how many of the page's articles hold each term,
 * per language, sorted. Computed where the texts are tokenized (the counting
 * workers, a slice at a time), so the build's one SQL thread merges a few
 * sorted lists a page instead of adding up a million terms one by one and
 * encoding every set itself: that was a third of its time in the count.
 */
export interface CountedPage {
  sets: Map<number, EncodedTermSet>;
  documentFrequencies: Map<string, SortedCounts>;
}

/** A slice of a page, counted (on a worker): sets in the sources' order. */
export interface CountedSlice {
  sets: EncodedTermSet[];
  documentFrequencies: Array<[string, SortedCounts]>;
}

export type CountSource = TokenSource & { id: number };

/** A slice's term sets (termCountsOf's, JSON-encoded) and each language's document frequencies in it. */
export function countSlice(sources: readonly TokenSource[]): CountedSlice {
  const vocabularies = new Map<string, SliceVocabulary>();
  const places = sources.map((source) => {
    let vocabulary = vocabularies.get(source.language);
    if (!vocabulary) vocabularies.set(source.language, (vocabulary = new SliceVocabulary(source.language as LanguageCode)));
    return vocabulary.add(source);
  });
  const finished = new Map([...vocabularies].map(([language, vocabulary]) => [language, vocabulary.finish()]));
  return {
    sets: sources.map((source, at) => finished.get(source.language)!.sets[places[at]]),
    documentFrequencies: [...finished].map(([language, { documentFrequencies }]) => [language, documentFrequencies]),
  };
}

/** Slices counted apart, as one page: `slices[i]` counted `sources[i]`. */
export function joinSlices(sources: ReadonlyArray<readonly CountSource[]>, slices: readonly CountedSlice[]): CountedPage {
  const sets = new Map<number, EncodedTermSet>();
  slices.forEach((slice, at) => sources[at].forEach((source, offset) => sets.set(source.id, slice.sets[offset])));
  return { sets, documentFrequencies: addedByLanguage(slices.map((slice) => slice.documentFrequencies)) };
}

/**
 * The pages of one count write, added up as they come (pass 1 holds a write's
 * pages until enough are counted). Each language's document frequencies are
 * merged like a binary counter: a list summing 2^k pages waits for another of
 * 2^k before the two are merged. Adding each page to one running total copied
 * the write's whole vocabulary once a page (eight times for `habari reindex`'s
 * 40,000-article writes of 5,000-article pages); this copies it about log2(pages) times and
 * holds at most that many lists, together about the size of the total. Held
 * apart until the write instead, every page's lists and their merge were all
 * alive at once.
 */
export class CountedWrite {
  /** Every added page's sets, by article id. */
  readonly sets = new Map<number, EncodedTermSet>();
  /** Per language, `levels[k]` sums 2^k pages (or is empty). */
  private readonly levels = new Map<string, Array<SortedCounts | undefined>>();

  add(page: CountedPage): void {
    for (const [id, set] of page.sets) this.sets.set(id, set);
    for (const [language, counts] of page.documentFrequencies) {
      let levels = this.levels.get(language);
      if (!levels) this.levels.set(language, (levels = []));
      let carry = counts;
      let level = 0;
      for (; levels[level]; level++) {
        carry = mergeTwo(levels[level]!, carry);
        levels[level] = undefined;
      }
      levels[level] = carry;
    }
  }

  /** Each language's document frequencies over every page added (the smallest lists merged first). */
  documentFrequencies(): Map<string, SortedCounts> {
    return new Map([...this.levels].map(([language, levels]) => [language, mergeSortedCounts(levels.filter((list) => list !== undefined))]));
  }
}

/** Several parts' per-language document frequencies, added per language. */
function addedByLanguage(parts: ReadonlyArray<Iterable<readonly [string, SortedCounts]>>): Map<string, SortedCounts> {
  const byLanguage = new Map<string, SortedCounts[]>();
  for (const part of parts) {
    for (const [language, counts] of part) {
      const lists = byLanguage.get(language);
      if (lists) lists.push(counts);
      else byLanguage.set(language, [counts]);
    }
  }
  return new Map([...byLanguage].map(([language, lists]) => [language, mergeSortedCounts(lists)]));
}

/** A term → count map as SortedCounts. */
export function sortedCounts(counts: ReadonlyMap<string, number>): SortedCounts {
  // The default sort compares UTF-16 code units, as compareTerms does, without a call per comparison.
  const terms = [...counts.keys()].sort();
  return { terms, counts: terms.map((term) => counts.get(term)!) };
}

/**
 * Sorted lists as one, the counts of a term in several added (a term whose
 * counts add up to 0 is kept: callers that want changes drop them). Merged
 * in pairs, so each term is compared about log2(lists) times.
 */
export function mergeSortedCounts(lists: readonly SortedCounts[]): SortedCounts {
  if (lists.length === 0) return { terms: [], counts: [] };
  let round = [...lists];
  while (round.length > 1) {
    const next: SortedCounts[] = [];
    for (let at = 0; at < round.length; at += 2) next.push(at + 1 < round.length ? mergeTwo(round[at], round[at + 1]) : round[at]);
    round = next;
  }
  return round[0];
}

function mergeTwo(a: SortedCounts, b: SortedCounts): SortedCounts {
  // Sized for the longest answer and cut after: pushing term by term (growing both arrays as they
  // filled) took twice as long on 1,000-article pages' lists.
  const terms: string[] = new Array(a.terms.length + b.terms.length);
  const counts: number[] = new Array(a.terms.length + b.terms.length);
  const [aTerms, aCounts, bTerms, bCounts] = [a.terms, a.counts, b.terms, b.counts];
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < aTerms.length && j < bTerms.length) {
    const x = aTerms[i];
    const y = bTerms[j];
    if (x === y) {
      terms[k] = x;
      counts[k++] = aCounts[i++] + bCounts[j++];
    } else if (x < y) {
      terms[k] = x;
      counts[k++] = aCounts[i++];
    } else {
      terms[k] = y;
      counts[k++] = bCounts[j++];
    }
  }
  for (; i < aTerms.length; i++, k++) (terms[k] = aTerms[i]), (counts[k] = aCounts[i]);
  for (; j < bTerms.length; j++, k++) (terms[k] = bTerms[j]), (counts[k] = bCounts[j]);
  terms.length = k;
  counts.length = k;
  return { terms, counts };
}

/** One language's changes to term_stats: terms in code-unit order, each with a change that is not 0. */
export interface LanguageTermDeltas {
  language: string;
  terms: readonly string[];
  deltas: readonly number[];
}

/**
 * A count write's changes to term_stats, languages and terms in order, so
 * concurrent batches lock rows in one order: the write's document frequencies
 * (sorted by the counting workers) less the sets its articles were counted
 * with before; terms whose change adds up to 0 are left out. Sorted lists,
 * not a row object per term: a 20,000-article write touches about 500,000
 * terms, and their objects lived through the whole write.
 */
export function writeTermDeltas(added: ReadonlyMap<string, SortedCounts>, removed: DocumentCounts): LanguageTermDeltas[] {
  const removedByLanguage = removed.byLanguage();
  const changes: LanguageTermDeltas[] = [];
  for (const language of [...new Set([...added.keys(), ...removedByLanguage.keys()])].sort()) {
    // A first count removes nothing: its lists are the changes as they are (changesOf copies nothing).
    changes.push(changesOf(language, mergeSortedCounts([added.get(language), removedByLanguage.get(language)].filter((list) => list !== undefined))));
  }
  return changes.filter((change) => change.terms.length > 0);
}

/** One language's sorted counts as term_stats changes: the terms whose count is not 0 (the lists themselves when none is). */
export function changesOf(language: string, { terms, counts }: SortedCounts): LanguageTermDeltas {
  if (!counts.includes(0)) return { language, terms, deltas: counts };
  const kept = counts.flatMap((count, at) => (count === 0 ? [] : [at]));
  return { language, terms: kept.map((at) => terms[at]), deltas: kept.map((at) => counts[at]) };
}
