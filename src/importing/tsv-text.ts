import type { BodyBlockData } from '../articles/body-block';

// Runs of whitespace or zero-width spaces, and any single one but a plain space
// (U+FEFF is whitespace to JavaScript; U+200B is not). Lone spaces stay as they are.
const SPACE_TO_FOLD = /[\s\u200B]{2,}|[^\S ]|\u200B/g;

/**
 * Turns a MasakhaNEWS `text` field into paragraphs. The corpus keeps one
 * paragraph per line (many files put a whole article on one line) and pads
 * with runs of spaces and U+00A0 that mean nothing to a reader.
 */
export function tsvTextToBody(text: string): BodyBlockData[] {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.replace(SPACE_TO_FOLD, ' ').trim())
    .filter((line) => line !== '')
    .map((line) => ({ type: 'PARAGRAPH', text: line }));
}
