import type { LanguageCode } from '../languages/language.catalogue';
import { Growable, indexInAscending, sharedBytes, sharedFloat64, sharedInt32 } from '../workers/shared-arrays';
import type { RelatedInput } from './related.types';

/** An indexed article as the bulk build loads it: the ranking's fields, and whether it is still published. */
export interface IndexedArticle extends Omit<RelatedInput, 'profile'> {
  published: boolean;
}

/** An article's strings, in this order, in `text`. */
const TITLE = 0;
const CONTENT_HASH = 1;
const TAGS = 2;
const STRINGS = 3;
const NONE = -1;

/** ArticleColumns as a worker thread receives it: every array on shared memory, only the language names copied. */
export interface ArticleColumnsParts {
  languages: string[];
  ids: Int32Array;
  language: Uint8Array;
  published: Uint8Array;
  categoryIds: Int32Array;
  sourceIds: Int32Array;
  publishedAt: Float64Array;
  /** UTF-8 bytes of each article's title, content hash and tags (JSON), STRINGS per article. */
  text: Uint8Array;
  textOffsets: Int32Array;
}

/**
 * One language's indexed articles, column by column on shared memory, for
 * the bulk build's LanguageIndex: about 30 bytes and the strings' UTF-8 per
 * article, read in place by every ranking worker. As objects, each thread
 * held its own copy (about 450 bytes an article: 140 MB per thread for
 * English's 313,764 articles in a 1,000,000-article archive). Ids ascend,
 * so an id's position is a binary search, not a Map per thread.
 */
export class ArticleColumns {
  private readonly languages: string[] = [];
  private ids: Growable<Int32Array>;
  private language: Growable<Uint8Array>;
  private published: Growable<Uint8Array>;
  private categoryIds: Growable<Int32Array>;
  private sourceIds: Growable<Int32Array>;
  private publishedAt: Growable<Float64Array>;
  private text: Growable<Uint8Array>;
  private textOffsets: Growable<Int32Array>;
  /** A Buffer over `text`'s current memory: Buffer writes and decodes UTF-8 on shared memory, TextDecoder does not. */
  private textBuffer: Buffer;

  constructor(expected = 1024) {
    const n = Math.max(16, expected);
    this.ids = new Growable(sharedInt32(n), sharedInt32);
    this.language = new Growable(sharedBytes(n), sharedBytes);
    this.published = new Growable(sharedBytes(n), sharedBytes);
    this.categoryIds = new Growable(sharedInt32(n), sharedInt32);
    this.sourceIds = new Growable(sharedInt32(n), sharedInt32);
    this.publishedAt = new Growable(sharedFloat64(n), sharedFloat64);
    this.text = new Growable(sharedBytes(n * 128), sharedBytes);
    this.textOffsets = new Growable(sharedInt32(n * STRINGS + 1), sharedInt32);
    this.textOffsets.push(0);
    this.textBuffer = bufferOver(this.text.data);
  }

  static fromParts(parts: ArticleColumnsParts): ArticleColumns {
    const columns = new ArticleColumns(0);
    columns.languages.push(...parts.languages);
    const n = parts.ids.length;
    columns.ids = new Growable(parts.ids, sharedInt32, n);
    columns.language = new Growable(parts.language, sharedBytes, n);
    columns.published = new Growable(parts.published, sharedBytes, n);
    columns.categoryIds = new Growable(parts.categoryIds, sharedInt32, n);
    columns.sourceIds = new Growable(parts.sourceIds, sharedInt32, n);
    columns.publishedAt = new Growable(parts.publishedAt, sharedFloat64, n);
    columns.text = new Growable(parts.text, sharedBytes, parts.text.length);
    columns.textOffsets = new Growable(parts.textOffsets, sharedInt32, parts.textOffsets.length);
    columns.textBuffer = bufferOver(columns.text.data);
    return columns;
  }

  parts(): ArticleColumnsParts {
    return {
      languages: [...this.languages],
      ids: this.ids.trimmed(),
      language: this.language.trimmed(),
      published: this.published.trimmed(),
      categoryIds: this.categoryIds.trimmed(),
      sourceIds: this.sourceIds.trimmed(),
      publishedAt: this.publishedAt.trimmed(),
      text: this.text.trimmed(),
      textOffsets: this.textOffsets.trimmed(),
    };
  }

  get length(): number {
    return this.ids.length;
  }

  /** Appends an article; ids must ascend. */
  push(article: IndexedArticle): void {
    const last = this.length ? this.ids.data[this.length - 1] : 0;
    if (this.length && last >= article.id) throw new Error(`ArticleColumns.push: ids must ascend (${article.id} after ${last})`);
    let language = this.languages.indexOf(article.language);
    if (language < 0) language = this.languages.push(article.language) - 1;
    this.ids.push(article.id);
    this.language.push(language);
    this.published.push(article.published ? 1 : 0);
    this.categoryIds.push(article.categoryId ?? NONE);
    this.sourceIds.push(article.sourceId ?? NONE);
    this.publishedAt.push(article.publishedAt ? article.publishedAt.getTime() : Number.NaN);
    this.pushString(article.title);
    // An empty hash means none to the ranking (isNearDuplicate tests it for truth), so '' stands for absent.
    this.pushString(article.contentHash ?? '');
    this.pushString(article.tags.length ? JSON.stringify(article.tags) : '');
  }

  id(position: number): number {
    return this.ids.data[position];
  }

  isPublished(position: number): boolean {
    return this.published.data[position] === 1;
  }

  /** The position of `id`, or undefined. */
  positionOf(id: number): number | undefined {
    return indexInAscending(this.ids.data, this.length, id);
  }

  /** The article's language, as an index into the column's languages (equal numbers: the same language). */
  languageAt(position: number): number {
    return this.language.data[position];
  }

  languageOf(position: number): LanguageCode {
    return this.languages[this.language.data[position]] as LanguageCode;
  }

  categoryId(position: number): number | null {
    const category = this.categoryIds.data[position];
    return category === NONE ? null : category;
  }

  sourceId(position: number): number | null {
    const source = this.sourceIds.data[position];
    return source === NONE ? null : source;
  }

  /** Milliseconds since the epoch; NaN when the article has no date. */
  publishedTime(position: number): number {
    return this.publishedAt.data[position];
  }

  title(position: number): string {
    return this.string(position, TITLE);
  }

  /** '' when the article has none. */
  contentHash(position: number): string {
    return this.string(position, CONTENT_HASH);
  }

  tags(position: number): string[] {
    const tags = this.string(position, TAGS);
    return tags ? (JSON.parse(tags) as string[]) : [];
  }

  /** The article at `position`, as it was pushed. */
  article(position: number): IndexedArticle {
    const time = this.publishedTime(position);
    return {
      id: this.ids.data[position],
      language: this.languageOf(position),
      categoryId: this.categoryId(position),
      sourceId: this.sourceId(position),
      tags: this.tags(position),
      publishedAt: Number.isNaN(time) ? null : new Date(time),
      contentHash: this.contentHash(position) || undefined,
      title: this.title(position),
      published: this.isPublished(position),
    };
  }

  private pushString(value: string): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    const room = value.length * 3;
    if (this.text.length + room > this.text.data.length) {
      this.text.reserve(room);
      this.textBuffer = bufferOver(this.text.data);
    }
    this.text.length += this.textBuffer.write(value, this.text.length, 'utf8');
    this.textOffsets.push(this.text.length);
  }

  private string(position: number, which: number): string {
    const at = position * STRINGS + which;
    const offsets = this.textOffsets.data;
    return this.textBuffer.toString('utf8', offsets[at], offsets[at + 1]);
  }
}

function bufferOver(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
