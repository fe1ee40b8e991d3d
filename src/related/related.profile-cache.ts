import { LRUCache } from 'lru-cache';
import type { TermWeight } from './related.types';

interface Entry {
  indexedAt: number;
  terms: string[];
  weights: Float64Array;
}

/**
 * Term profiles of indexed articles, as this process last read or wrote
 * them. Ranking one article reads ~50 candidate profiles, scattered over the
 * table; most were read moments ago for another article. An entry counts only
 * while its related_index.indexed_at still matches, so a profile rewritten by
 * another process (or a rolled-back batch) is read again. Least recently used
 * entries go first once the cache holds `maxTerms` terms in all (about 45
 * bytes each: 5 million is ~225 MB, 50,000 profiles of 100 terms): an
 * lru-cache bounded by size, each entry's size its term count.
 */
export class ProfileCache {
  private readonly entries: LRUCache<number, Entry>;

  constructor(readonly maxTerms = 5_000_000) {
    this.entries = new LRUCache<number, Entry>({ maxSize: maxTerms, sizeCalculation: (entry) => Math.max(1, entry.terms.length) });
  }

  get(articleId: number, indexedAt: number): TermWeight[] | undefined {
    const entry = this.entries.get(articleId);
    if (!entry || entry.indexedAt !== indexedAt) return undefined;
    return entry.terms.map((term, index) => ({ term, weight: entry.weights[index] }));
  }

  set(articleId: number, indexedAt: number, profile: readonly TermWeight[]): void {
    // Terms the tokenizer cut from an article's text can be slices that keep the whole text alive;
    // strings parsed from JSON are new.
    const terms: string[] = JSON.parse(JSON.stringify(profile.map(({ term }) => term)));
    this.entries.set(articleId, { indexedAt, terms, weights: Float64Array.from(profile, ({ weight }) => weight) });
  }

  get size(): number {
    return this.entries.size;
  }
}
