import { sharedBytes, sharedInt32 } from '../workers/shared-arrays';
import type { SharedVocabulary } from './related.shared-vocabulary';

const EMPTY = 0;
const MAX_LOAD = 0.7;

/**
 * Gives each distinct term a dense id (0, 1, 2, ...) for the bulk build's
 * in-memory index, holding the terms as UTF-8 bytes on shared memory rather
 * than as strings in a Map: a Map of strings cost about 110 bytes a term,
 * and at 1,000,000 synthetic articles a language has 3.6-6.6 million
 * distinct profile terms, which ran a 1 GB heap out of memory (the Map's
 * doubling alone wants hundreds of MB at once). Here a term costs about 26
 * bytes: its bytes, an offset, a hash and an open-addressing slot. The bytes
 * and offsets are what ranking workers read (shared(), no copy).
 */
export class TermInterner {
  private bytes: Uint8Array;
  private arena: Buffer;
  private used = 0;
  private offsets: Int32Array;
  private hashes: Int32Array;
  private slots: Int32Array;
  private count = 0;
  private scratch = Buffer.allocUnsafe(1024);

  constructor(expectedTerms = 1024) {
    const terms = Math.max(16, expectedTerms);
    this.bytes = sharedBytes(terms * 12);
    this.arena = asBuffer(this.bytes);
    this.offsets = sharedInt32(terms + 1);
    this.hashes = new Int32Array(terms);
    this.slots = new Int32Array(tableSize(terms));
  }

  get size(): number {
    return this.count;
  }

  /** The term's id, given a new one (the next) if it has none yet. */
  intern(term: string): number {
    const found = this.probe(term);
    return found >= 0 ? found : this.add(-found - 1, this.encode(term), this.probedHash);
  }

  /** The term's id, or undefined if it was never interned. */
  idOf(term: string): number | undefined {
    const found = this.probe(term);
    return found >= 0 ? found : undefined;
  }

  private probedHash = 0;

  /**
   * The term's id, or -(its free slot + 1). The hash is FNV-1a over the UTF-16
   * code units, so a lookup encodes nothing: an ASCII term (most Latin-script
   * terms) is compared with the stored bytes directly, others are encoded
   * only when a stored term has the same hash.
   */
  private probe(term: string): number {
    let hash = 0x811c9dc5;
    let ascii = true;
    for (let i = 0; i < term.length; i++) {
      const code = term.charCodeAt(i);
      if (code >= 0x80) ascii = false;
      hash = Math.imul(hash ^ code, 0x01000193);
    }
    hash |= 0;
    this.probedHash = hash;
    let encoded = -1;
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === EMPTY) return -slot - 1;
      const id = entry - 1;
      if (this.hashes[id] !== hash) continue;
      if (ascii) {
        if (this.matchesAscii(id, term)) return id;
        continue;
      }
      if (encoded < 0) encoded = this.encode(term);
      if (this.matches(id, encoded)) return id;
    }
  }

  term(id: number): string {
    return this.arena.toString('utf8', this.offsets[id], this.offsets[id + 1]);
  }

  /** The terms as ranking workers read them (related.shared-vocabulary.ts): views of this interner's shared memory. */
  shared(): SharedVocabulary {
    return { bytes: this.bytes.subarray(0, this.used), offsets: this.offsets.subarray(0, this.count + 1) };
  }

  private encode(term: string): number {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    if (term.length * 3 > this.scratch.length) this.scratch = Buffer.allocUnsafe(term.length * 3);
    return this.scratch.write(term, 0, 'utf8');
  }

  private matchesAscii(id: number, term: string): boolean {
    const start = this.offsets[id];
    if (this.offsets[id + 1] - start !== term.length) return false;
    for (let i = 0; i < term.length; i++) if (this.bytes[start + i] !== term.charCodeAt(i)) return false;
    return true;
  }

  private matches(id: number, length: number): boolean {
    const start = this.offsets[id];
    if (this.offsets[id + 1] - start !== length) return false;
    for (let i = 0; i < length; i++) if (this.bytes[start + i] !== this.scratch[i]) return false;
    return true;
  }

  private add(slot: number, length: number, hash: number): number {
    const id = this.count;
    if (this.used + length > this.bytes.length) {
      const bigger = sharedBytes(Math.max(this.used + length, Math.ceil(this.bytes.length * 1.5)));
      bigger.set(this.bytes.subarray(0, this.used));
      this.bytes = bigger;
      this.arena = asBuffer(bigger);
    }
    this.scratch.copy(this.arena, this.used, 0, length);
    this.used += length;
    if (id + 2 > this.offsets.length) {
      const bigger = sharedInt32(Math.ceil(this.offsets.length * 1.5));
      bigger.set(this.offsets);
      this.offsets = bigger;
      const hashes = new Int32Array(bigger.length - 1);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.offsets[id + 1] = this.used;
    this.hashes[id] = hash;
    this.slots[slot] = id + 1;
    this.count = id + 1;
    if (this.count > this.slots.length * MAX_LOAD) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = this.hashes[id] & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}

/** The smallest power of two that holds `terms` under MAX_LOAD. */
function tableSize(terms: number): number {
  let size = 16;
  while (size * MAX_LOAD < terms) size *= 2;
  return size;
}

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
