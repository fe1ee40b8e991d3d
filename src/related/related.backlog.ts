import { Growable, indexInAscending } from '../workers/shared-arrays';
import type { QueueEntry } from './related.index-writes';

/** A backlog article that passed the count: ranked once every profile of the backlog exists. */
export interface BacklogEntry extends QueueEntry {
  language: string;
}

const int32 = (length: number) => new Int32Array(length);
const float64 = (length: number) => new Float64Array(length);
const bytes = (length: number) => new Uint8Array(length);

/**
 * A bulk build's backlog (pass 1's published queue rows, by ascending article
 * id), column by column: about 14 bytes an article. As an array of entry
 * objects, with a Set of its ids and a filtered copy per language, it held
 * about 170 bytes an article on the main thread's heap for the whole build
 * (170 MB at 1,000,000).
 */
export class Backlog {
  private readonly articleIds = new Growable(int32(1024), int32);
  private readonly enqueuedAt = new Growable(float64(1024), float64);
  private readonly cascade = new Growable(bytes(1024), bytes);
  private readonly language = new Growable(bytes(1024), bytes);
  private readonly languageNames: string[] = [];

  get length(): number {
    return this.articleIds.length;
  }

  /** Appends an entry; ids must ascend (pass 1 reads the queue by article id). */
  push(entry: QueueEntry, language: string): void {
    const last = this.length ? this.articleIds.data[this.length - 1] : 0;
    if (this.length && last >= entry.articleId) throw new Error(`Backlog.push: ids must ascend (${entry.articleId} after ${last})`);
    let code = this.languageNames.indexOf(language);
    if (code < 0) code = this.languageNames.push(language) - 1;
    this.articleIds.push(entry.articleId);
    this.enqueuedAt.push(entry.enqueuedAt);
    this.cascade.push(entry.cascade ? 1 : 0);
    this.language.push(code);
  }

  /** Every backlog article's id, ascending (a view: valid until the next push). */
  ids(): Int32Array {
    return this.articleIds.data.subarray(0, this.length);
  }

  /** The languages present, sorted. */
  languages(): string[] {
    return [...this.languageNames].sort();
  }

  /** Whether the article is in the backlog (of `language`, when given). */
  has(articleId: number, language?: string): boolean {
    const position = this.positionOf(articleId);
    return position !== undefined && (language === undefined || this.languageNames[this.language.data[position]] === language);
  }

  /** The positions of one language's entries, ascending by article id. */
  positionsOf(language: string): Int32Array {
    const code = this.languageNames.indexOf(language);
    let count = 0;
    for (let at = 0; at < this.length; at++) if (this.language.data[at] === code) count++;
    const positions = new Int32Array(count);
    for (let at = 0, k = 0; at < this.length; at++) if (this.language.data[at] === code) positions[k++] = at;
    return positions;
  }

  /** The entries at `positions`. */
  entries(positions: ArrayLike<number>): BacklogEntry[] {
    return Array.from(positions, (at) => ({
      articleId: this.articleIds.data[at],
      cascade: this.cascade.data[at] === 1,
      enqueuedAt: this.enqueuedAt.data[at],
      language: this.languageNames[this.language.data[at]],
    }));
  }

  private positionOf(articleId: number): number | undefined {
    return indexInAscending(this.articleIds.data, this.length, articleId);
  }
}
