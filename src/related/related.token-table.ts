import type { TokenSpans } from '../text/text.tokenize';

const FIRST_SLOTS = 8_192;

/**
 * Tokens seen, each with a number, found by their characters: a token that
 * lies in a text as a span (TokenSpans) is looked up without a string being
 * made for it. The bulk build's counting meets every token of the archive
 * (about 600 an article) and most are ones its slice has met before; a
 * string a token, hashed into a Map, was most of a counting worker's
 * garbage and a quarter of its time. Open addressing, FNV-1a over UTF-16
 * code units, at most half full.
 */
export class TokenTable {
  private keys: Array<string | undefined> = new Array(FIRST_SLOTS);
  private hashes = new Int32Array(FIRST_SLOTS);
  private values = new Int32Array(FIRST_SLOTS);
  private size = 0;

  /** How many tokens it holds. */
  get count(): number {
    return this.size;
  }

  /**
   * The number of token `at` of `spans`, or, for a token not seen, the
   * number `numberOf` gives its string (kept from then on).
   */
  numberAt(spans: TokenSpans, at: number, numberOf: (token: string) => number): number {
    const start = spans.start(at);
    if (start < 0) return this.number(spans.ownString(at), numberOf);
    return this.lookUp(spans.lower, start, spans.end(at), numberOf, true);
  }

  /** The number of a token given as a string (see numberAt). */
  number(token: string, numberOf: (token: string) => number): number {
    return this.lookUp(token, 0, token.length, numberOf, false);
  }

  /** The number of the token text[start, end), a span of a longer text (`isSpan`: kept as a string of its own) or the whole string. */
  private lookUp(text: string, start: number, end: number, numberOf: (token: string) => number, isSpan: boolean): number {
    const hash = hashOf(text, start, end);
    const mask = this.keys.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const key = this.keys[slot];
      if (key === undefined) return this.insert(slot, hash, isSpan ? spanString(text, start, end) : text, numberOf);
      if (this.hashes[slot] === hash && sameCharacters(key, text, start, end)) return this.values[slot];
    }
  }

  private insert(slot: number, hash: number, token: string, numberOf: (token: string) => number): number {
    const value = numberOf(token);
    this.keys[slot] = token;
    this.hashes[slot] = hash;
    this.values[slot] = value;
    this.size += 1;
    if (this.size * 2 > this.keys.length) this.grow();
    return value;
  }

  private grow(): void {
    const [keys, hashes, values] = [this.keys, this.hashes, this.values];
    this.keys = new Array(keys.length * 2);
    this.hashes = new Int32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let old = 0; old < keys.length; old++) {
      if (keys[old] === undefined) continue;
      let slot = hashes[old] & mask;
      while (this.keys[slot] !== undefined) slot = (slot + 1) & mask;
      this.keys[slot] = keys[old];
      this.hashes[slot] = hashes[old];
      this.values[slot] = values[old];
    }
  }
}

/** FNV-1a of the UTF-16 code units of text[start, end) (the whole string unless given). */
export function hashOf(text: string, start = 0, end = text.length): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/**
 * A span's token as a string of its own, one byte a character: a span is
 * ASCII letters and digits, but a slice of a text that holds any character
 * beyond Latin-1 (a curly quote, a Ge'ez name) would be two bytes a
 * character, and so would the JSON of every set that names the term (twice
 * the memory on the main thread, where a count write holds 40,000 sets).
 */
function spanString(text: string, start: number, end: number): string {
  const codes: number[] = new Array(end - start);
  for (let i = start; i < end; i++) codes[i - start] = text.charCodeAt(i);
  return String.fromCharCode(...codes);
}

function sameCharacters(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
