import type { LanguageCode } from '../languages/language.catalogue';
import { foldCharacters, normalizeText } from './text.normalize';
import { LETTER_OR_DIGIT_RUNS } from './text.patterns';
import { CodePointTable } from './code-point-table';

const segmenters = new Map<LanguageCode, Intl.Segmenter>();

function segmenterFor(language: LanguageCode): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'word' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

// Unicode word segmentation keeps "e.g", "3.5", "1,000" and "foo_bar" as one
// word, but SQLite's unicode61 and PostgreSQL split them. A term must be one
// token in every engine, so words are cut further into LETTER_OR_DIGIT_RUNS.

// Intl.Segmenter is slow (about 1 MB/s). Between spaces, a run of only Latin or
// Ethiopic letters and decimal digits is always exactly one word under the
// Unicode rules (UAX #29 never breaks letter-letter, letter-digit, digit-digit),
// so such chunks, most of any text, skip it. Chunks with punctuation or other
// scripts (Thai, Chinese need a dictionary) still go through the segmenter.
// A chunk whose letters are all Latin or Ethiopic (with any punctuation or
// digits around them) splits into the same letter/digit runs with or without
// the segmenter: UAX #29 never breaks inside such a run (Ethiopic numerals,
// which the segmenter does not count as words, take the slow path). Most chunks with
// punctuation attached ("kenya," "(bbc)") take this path.
const ONLY_LATIN_OR_ETHIOPIC_LETTERS = /^(?:[^\p{L}\p{No}]|(?=\p{L})[\p{Script=Latin}\p{Script=Ethiopic}])*$/u;

// What the segmenter counts as words, for Latin and Ethiopic text: runs of
// letters and decimal digits (Ethiopic numerals are not word-like to it).
const WORD_RUNS = /[\p{L}\p{Nd}]+/gu;
const LETTER_OF_OTHER_SCRIPT = /(?=\p{L})[^\p{Script=Latin}\p{Script=Ethiopic}]/u;

const PLAIN_WORD = /^(?:\p{Nd}|(?=\p{L})[\p{Script=Latin}\p{Script=Ethiopic}])+$/u;

/**
 * The normalised words of a text, in order, duplicates kept (term frequency
 * needs them). Numbers are kept: people search for "covid 19", years and
 * scores, and the FTS index holds them too; relatedness drops them later
 * (see contentTerms). Ethiopic punctuation (፡ ። ፣ ፤) separates words.
 */
export function tokenize(text: string, language: LanguageCode): string[] {
  scanTokens(text, language, scratch);
  const tokens = scratch.strings();
  scratch.clear(''); // the shared scratch does not keep the last text alive
  return tokens;
}

/**
 * Where a text's tokens (tokenize's, in order) lie: most are a span of the
 * lower-cased text (`lower`), the rest (words with folded characters, and
 * every token of a text that needed the segmenter) a string of their own.
 * Reused from text to text: a caller that only counts tokens (the bulk
 * build, every article of the archive) looks spans up by their characters
 * and makes no string for a token it has seen (TokenTable).
 */
export class TokenSpans {
  /** The text lower-cased, when spans lie in it. */
  lower = '';
  /** How many tokens. */
  count = 0;
  /** Per token, [start, end) in lower, or (-1 - i, 0) for ownStrings[i]. */
  bounds = new Int32Array(2_048);
  readonly ownStrings: string[] = [];

  /** Token `at`'s span start in lower, or a negative number (ownString names it). */
  start(at: number): number {
    return this.bounds[2 * at];
  }

  end(at: number): number {
    return this.bounds[2 * at + 1];
  }

  /** The string of token `at` whose start is negative. */
  ownString(at: number): string {
    return this.ownStrings[-1 - this.bounds[2 * at]];
  }

  /** Every token as a string, in order. */
  strings(): string[] {
    const tokens: string[] = new Array(this.count);
    for (let at = 0; at < this.count; at++) tokens[at] = this.start(at) >= 0 ? this.lower.slice(this.start(at), this.end(at)) : this.ownString(at);
    return tokens;
  }

  clear(lower: string): void {
    this.lower = lower;
    this.count = 0;
    this.ownStrings.length = 0;
  }

  addSpan(start: number, end: number): void {
    this.place(start, end);
  }

  addString(token: string): void {
    this.ownStrings.push(token);
    this.place(-this.ownStrings.length, 0);
  }

  private place(start: number, end: number): void {
    if (2 * this.count + 2 > this.bounds.length) {
      const bigger = new Int32Array(this.bounds.length * 2);
      bigger.set(this.bounds);
      this.bounds = bigger;
    }
    this.bounds[2 * this.count] = start;
    this.bounds[2 * this.count + 1] = end;
    this.count += 1;
  }
}

const scratch = new TokenSpans();

/** tokenize's tokens of `text` into `spans` (cleared first). */
export function scanTokens(text: string, language: LanguageCode, spans: TokenSpans): void {
  if (scanLatinOrEthiopic(text, spans)) return;
  spans.clear('');
  for (const token of tokenizeSegmented(text, language)) spans.addString(token);
}

/**
 * What each non-ASCII character folds to: a string of word characters (empty
 * for marks and invisible characters, which vanish inside a word), BREAK for
 * a character that ends a word (punctuation, spaces, symbols, "’"),
 * OTHER_SCRIPT, or a mix ("¼" -> "1", break, "4"). Filled lazily: a
 * language's texts use a few hundred distinct characters.
 */
const BREAK = 0;
const OTHER_SCRIPT = 1;
type Folded = string | typeof BREAK | typeof OTHER_SCRIPT;
const LATIN_OR_ETHIOPIC_WORD_CHARACTER = /^(?:\p{Nd}|(?=\p{L})[\p{Script=Latin}\p{Script=Ethiopic}])$/u;
const ANY_LETTER = /^\p{L}$/u;

const foldedCharacters = new CodePointTable((codePoint): Folded | Folded[] => {
  const parts = [...foldCharacters(String.fromCodePoint(codePoint))].map((ch): Folded => {
    if (LATIN_OR_ETHIOPIC_WORD_CHARACTER.test(ch)) return ch;
    return ANY_LETTER.test(ch) ? OTHER_SCRIPT : BREAK;
  });
  if (parts.every((part) => typeof part === 'string')) return parts.join('');
  return parts.length === 1 ? parts[0] : parts;
});

/**
 * The same tokens as tokenizeSegmented, in one pass over the characters, for
 * text whose letters are all Latin or Ethiopic (all of our languages): about
 * ten times faster, which matters because every imported article is
 * tokenized in its write transaction. Folding one character at a time equals
 * folding the whole text here: the folds (NFKC, lower case, diacritics and
 * marks dropped) never depend on a neighbour in these scripts. Answers false
 * at the first letter of another script (the spans then hold part of the
 * text); the caller then segments.
 */
function scanLatinOrEthiopic(text: string, spans: TokenSpans): boolean {
  // Lower-casing the whole text at once is native and fast; folding a
  // lower-cased character gives what folding the original gives.
  const lower = text.toLowerCase();
  spans.clear(lower);
  let word = ''; // the current word up to runStart
  let runStart = -1; // where a run of plain ASCII letters and digits began
  const endWord = (at: number) => {
    // A word of ASCII letters and digits alone is a span of the text: no string is made for it here.
    if (!word) spans.addSpan(runStart, at);
    else spans.addString(runStart >= 0 ? word + lower.slice(runStart, at) : word);
    word = '';
    runStart = -1;
  };
  // A folded character joins the word: the run of ASCII before it (ending at `at`) joins first.
  const joinRun = (at: number) => {
    if (runStart >= 0) word += lower.slice(runStart, at);
    runStart = -1;
  };
  for (let i = 0; i < lower.length; i += 1) {
    const code = lower.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
        if (runStart < 0) runStart = i;
      } else if (runStart >= 0 || word) {
        endWord(i);
      }
      continue;
    }
    // Where this character starts: a run of ASCII before it ends here (a word broken here stays a span).
    const at = i;
    const codePoint = lower.codePointAt(i) as number;
    if (codePoint > 0xffff) i += 1;
    const folded = foldedCharacters.get(codePoint);
    if (typeof folded === 'string') {
      joinRun(at);
      word += folded;
      continue;
    }
    for (const part of typeof folded === 'number' ? [folded] : folded) {
      if (typeof part === 'string') {
        joinRun(at);
        word += part;
      } else if (part === OTHER_SCRIPT) return false;
      else if (word || runStart >= 0) endWord(at);
    }
  }
  if (runStart >= 0 || word) endWord(lower.length);
  return true;
}

/** The reference tokenizer: normalise, then Unicode word segmentation where a script needs it. */
export function tokenizeSegmented(text: string, language: LanguageCode): string[] {
  const normalized = normalizeText(text);
  // Fast path for text in our languages' scripts: one regex scan, no segmenter.
  if (!LETTER_OF_OTHER_SCRIPT.test(normalized)) return normalized.match(WORD_RUNS) ?? [];
  const tokens: string[] = [];
  for (const chunk of normalized.split(' ')) {
    if (PLAIN_WORD.test(chunk)) {
      tokens.push(chunk);
      continue;
    }
    if (ONLY_LATIN_OR_ETHIOPIC_LETTERS.test(chunk)) {
      // "word," "(2024)" "l'etat": the segmenter would find exactly these runs.
      for (const run of chunk.matchAll(LETTER_OR_DIGIT_RUNS)) tokens.push(run[0]);
      continue;
    }
    for (const segment of segmenterFor(language).segment(chunk)) {
      if (!segment.isWordLike) continue;
      for (const run of segment.segment.matchAll(LETTER_OR_DIGIT_RUNS)) tokens.push(run[0]);
    }
  }
  return tokens;
}
