import type { BodyBlockData } from '../articles/body-block';

/**
 * Turns a MasakhaNEWS `text` field into paragraphs. The corpus keeps one
 * paragraph per line (many files put a whole article on one line) and pads
 * with runs of spaces and U+00A0 that mean nothing to a reader.
 */
export function tsvTextToBody(text: string): BodyBlockData[] {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.replace(/[\s\u200B\uFEFF]+/g, ' ').trim())
    .filter((line) => line !== '')
    .map((line) => ({ type: 'PARAGRAPH', text: line }));
}
