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

/** Reads terms back by id (a new string each time: callers keep what they reuse). */
export function vocabularyReader({ bytes, offsets }: SharedVocabulary): { size: number; term: (id: number) => string } {
  const reader = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { size: offsets.length - 1, term: (id) => reader.toString('utf8', offsets[id], offsets[id + 1]) };
}
