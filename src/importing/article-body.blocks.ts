import type { BodyBlockData } from '../articles/body-block';
import { textShape } from './text-shape';

// A subheading is a short line; a longer one without a full stop is a
// paragraph whose punctuation was lost, not a heading.
const MAX_SUBHEADING_WORDS = 12;
const MAX_SUBHEADING_CHARS = 100;

function isSubheading(text: string, isLast: boolean): boolean {
  return (
    !isLast &&
    textShape.hasLetter(text) &&
    textShape.wordCount(text) <= MAX_SUBHEADING_WORDS &&
    text.length <= MAX_SUBHEADING_CHARS &&
    // Questions and exclamations stay paragraphs: in running text they are
    // far more often a short paragraph than a heading.
    textShape.endsLikeHeading(text) &&
    !textShape.startsLowerCase(text)
  );
}

/**
 * Turns the body's text units, in order, into blocks: a short line without a
 * final full stop that has text after it is a subheading; everything else is
 * a paragraph. A heading at the very end has nothing to head, so it stays a
 * paragraph.
 */
export function buildBodyBlocks(texts: readonly string[]): BodyBlockData[] {
  return texts.map((text, index) => ({
    type: isSubheading(text, index === texts.length - 1) ? 'SUBHEADING' : 'PARAGRAPH',
    text,
  }));
}
