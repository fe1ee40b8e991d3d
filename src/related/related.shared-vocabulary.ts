/**
 * A language's vocabulary as UTF-8 bytes on shared memory, for the bulk
 * build's ranking workers: a copied string[] cost each worker about 56 bytes
 * a term, and a synthetic 1,000,000-article archive has 3.6-6.6 million
 * distinct profile terms per language (names, places), so two workers held
 * hundreds of MB of copies. Shared bytes are about 14 bytes a term, once.
 */
export interface SharedVocabulary {
  /** Term `id` is bytes[offsets[id], offsets[id + 1]). */
  bytes: Uint8Array;
  offsets: Int32Array;
}

export function shareVocabulary(terms: readonly string[]): SharedVocabulary {
  const offsets = new Int32Array(new SharedArrayBuffer((terms.length + 1) * Int32Array.BYTES_PER_ELEMENT));
  let length = 0;
  for (let id = 0; id < terms.length; id++) {
    length += Buffer.byteLength(terms[id], 'utf8');
    offsets[id + 1] = length;
  }
  const bytes = new Uint8Array(new SharedArrayBuffer(Math.max(1, length)));
  const writer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let id = 0; id < terms.length; id++) writer.write(terms[id], offsets[id], 'utf8');
  return { bytes, offsets };
}

/** Reads terms back by id (a new string each time: callers keep what they reuse). */
export function vocabularyReader({ bytes, offsets }: SharedVocabulary): { size: number; term: (id: number) => string } {
  const reader = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { size: offsets.length - 1, term: (id) => reader.toString('utf8', offsets[id], offsets[id + 1]) };
}
