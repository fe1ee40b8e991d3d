import type { TermWeight } from './related.types';

/**
 * Term profiles of indexed articles, as this process last read or wrote
 * them. Ranking one article reads ~50 candidate profiles, scattered over the
 * table; most were read moments ago for another article. An entry counts only
 * while its related_index.indexed_at still matches, so a profile rewritten by
 * another process (or a rolled-back batch) is read again. Least recently used
 * entries go first.
 */
export class ProfileCache {
  private readonly entries = new Map<number, { indexedAt: number; profile: readonly TermWeight[] }>();

  constructor(readonly capacity = 100_000) {}

  get(articleId: number, indexedAt: number): readonly TermWeight[] | undefined {
    const entry = this.entries.get(articleId);
    if (!entry || entry.indexedAt !== indexedAt) return undefined;
    this.entries.delete(articleId);
    this.entries.set(articleId, entry);
    return entry.profile;
  }

  set(articleId: number, indexedAt: number, profile: readonly TermWeight[]): void {
    this.entries.delete(articleId);
    this.entries.set(articleId, { indexedAt, profile });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
