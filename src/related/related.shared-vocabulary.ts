/**
 * A language's vocabulary as UTF-8 bytes on shared memory (TermInterner
 * writes it), read by the bulk build's ranking workers: a copied string[]
 * cost each worker about 56 bytes a term, and a synthetic 1,000,000-article
 * archive has 3.6-6.6 million distinct profile terms per language (names,
 * places), so two workers held hundreds of MB of copies.
 */
export interface SharedVocabulary {
  /** Term `id` is bytes[offsets[id], offsets[id + 1]). */
  bytes: Uint8Array;
  offsets: Int32Array;
}

/**
 * Terms a reader keeps decoded: a slot per id modulo this, so at most this
 * many strings per worker (2^20 held about 45 MB per ranking worker once full
 * at 1,000,000 articles; 2^18, with 16 MB young generations for the
 * ranking workers and heap-cap.ts's thread, took 56 MB off a 100,000
 * build's peak; ranking workers of small languages now have 64 MB,
 * related.ranking-pool.ts).
 */
export const DECODED_SLOTS = 1 << 18;

/**
 * Reads terms back by id. A decoded term is kept (one slot per id modulo
 * DECODED_SLOTS) and the same string returned while it stays: decoding the
 * terms of every profile the ranking materializes, and hashing each new
 * string again where packed.ts interns it, cost a 20,000-article build 15%
 * more CPU.
 */
export function vocabularyReader({ bytes, offsets }: SharedVocabulary): { size: number; term: (id: number) => string } {
  const reader = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = offsets.length - 1;
  const slots = Math.max(1, Math.min(size, DECODED_SLOTS));
  const keptIds = new Int32Array(slots).fill(-1);
  const kept: string[] = new Array(slots);
  return {
    size,
    term: (id) => {
      const slot = id % slots;
      if (keptIds[slot] !== id) {
        kept[slot] = reader.toString('utf8', offsets[id], offsets[id + 1]);
        keptIds[slot] = id;
      }
      return kept[slot];
    },
  };
}
