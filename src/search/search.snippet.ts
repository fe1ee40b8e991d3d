import { normalizeText } from '../text/text.normalize';
import { LETTER_OR_DIGIT_RUNS } from '../text/text.patterns';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const ELLIPSIS = '…';
/** How much text to show before the first highlighted word, as a share of the snippet. */
const LEAD_SHARE = 0.25;
/** Anchors tried when choosing the window; enough for any readable body. */
const MAX_ANCHORS = 64;
/**
 * Only the start of a very long body is searched for the window (about 25 ms
 * of work); a snippet from deep inside a 100 kB text is rarely the best one.
 */
const MAX_SCANNED = 20_000;

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

interface Piece {
  text: string;
  /** Code-point offset of the piece in the flattened text. */
  at: number;
  length: number;
  wordLike: boolean;
  /** Index of the search term this word matches, or -1. */
  term: number;
}

/**
 * A short excerpt of `text` around the search terms, for when the database
 * gives no snippet of its own. Returns HTML: the text is escaped, matched
 * words are wrapped in <mark>…</mark>, and "…" marks where text was cut.
 * At most `maxLength` characters of text are shown (marks not counted).
 *
 * A word matches when one of its normalised parts equals a term, or starts
 * with the last term, mirroring the prefix match of toFts5Match/toTsQuery.
 * The window is the one holding the most distinct terms, earliest first.
 */
export function buildSnippet(text: string, terms: readonly string[], maxLength = 200): string {
  const budget = Math.floor(maxLength);
  if (budget <= 0) return '';
  const flat = text.replace(/\s+/gu, ' ').trim();
  const scanned = flat.length > MAX_SCANNED ? startOf(flat) : flat;
  const pieces = splitIntoPieces(scanned, terms);
  const totalLength = scanned === flat ? pieces.reduce((sum, piece) => sum + piece.length, 0) : [...flat].length;
  if (totalLength <= budget) return pieces.length === 0 ? '' : render(pieces, 0, pieces.length, totalLength, budget);

  let best = windowFrom(pieces, 0, budget, totalLength);
  const anchors = pieces.filter((piece) => piece.term >= 0).slice(0, MAX_ANCHORS);
  for (const anchor of anchors) {
    const leadStart = firstWordAtOrAfter(pieces, anchor.at - Math.floor(budget * LEAD_SHARE));
    const candidate = windowFrom(pieces, leadStart, budget, totalLength);
    if (candidate.distinctTerms > best.distinctTerms) best = candidate;
  }
  return render(pieces, best.start, best.end, totalLength, budget);
}

/** The first MAX_SCANNED characters, ending at a space, never inside a surrogate pair. */
function startOf(flat: string): string {
  const space = flat.lastIndexOf(' ', MAX_SCANNED);
  return space > 0 ? flat.slice(0, space) : Array.from(flat).slice(0, MAX_SCANNED).join('');
}

function splitIntoPieces(flat: string, terms: readonly string[]): Piece[] {
  const exact = new Map(terms.map((term, index) => [term, index]));
  const prefix = terms.length > 0 ? terms[terms.length - 1] : '';
  const seen = new Map<string, number>(); // prose repeats its words; normalise each once
  const matchOf = (word: string): number => {
    let match = seen.get(word);
    if (match === undefined) {
      match = -1;
      for (const [part] of normalizeText(word).matchAll(LETTER_OR_DIGIT_RUNS)) {
        match = exact.get(part) ?? (prefix !== '' && part.startsWith(prefix) ? terms.length - 1 : -1);
        if (match >= 0) break;
      }
      seen.set(word, match);
    }
    return match;
  };
  const pieces: Piece[] = [];
  let at = 0;
  const push = (text: string, wordLike: boolean, term: number) => {
    const length = [...text].length;
    pieces.push({ text, at, length, wordLike, term });
    at += length;
  };
  // Segmenting one long string is far slower than segmenting its space-separated
  // chunks (a 50 kB body took most of a second), and no word spans a space.
  flat.split(' ').forEach((chunk, index) => {
    if (index > 0) push(' ', false, -1);
    for (const { segment, isWordLike } of segmenter.segment(chunk)) {
      push(segment, isWordLike === true, isWordLike ? matchOf(segment) : -1);
    }
  });
  return pieces;
}

function firstWordAtOrAfter(pieces: readonly Piece[], at: number): number {
  const index = pieces.findIndex((piece) => piece.at >= at && piece.wordLike);
  return index < 0 ? 0 : index;
}

/** The longest run of whole pieces from `start` that fits, with its ellipses. */
function windowFrom(pieces: readonly Piece[], start: number, budget: number, totalLength: number) {
  const lead = start > 0 ? 1 : 0;
  let end = start;
  let used = lead;
  while (end < pieces.length) {
    const next = pieces[end];
    const tail = next.at + next.length < totalLength ? 1 : 0;
    if (used + next.length + tail > budget) break;
    used += next.length;
    end++;
  }
  const seen = new Set<number>();
  for (let i = start; i < end; i++) if (pieces[i].term >= 0) seen.add(pieces[i].term);
  return { start, end, distinctTerms: seen.size };
}

function render(pieces: readonly Piece[], start: number, end: number, totalLength: number, budget: number): string {
  const lead = start > 0 ? ELLIPSIS : '';
  const cut = (piece: Piece) => piece.at + piece.length < totalLength;
  if (end === start) {
    // One word longer than the whole budget (a pasted URL): show its beginning.
    const room = budget - lead.length - 1;
    return room > 0 ? `${lead}${escapeHtml([...pieces[start].text].slice(0, room).join(''))}${ELLIPSIS}` : ELLIPSIS;
  }
  // No dangling space or comma before the closing "…".
  while (end - 1 > start && cut(pieces[end - 1]) && !pieces[end - 1].wordLike) end--;
  const body = pieces
    .slice(start, end)
    .map((piece) => (piece.term >= 0 ? `<mark>${escapeHtml(piece.text)}</mark>` : escapeHtml(piece.text)))
    .join('');
  return `${lead}${body}${cut(pieces[end - 1]) ? ELLIPSIS : ''}`;
}
