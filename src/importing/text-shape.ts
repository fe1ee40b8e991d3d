/**
 * Small facts about the shape of a line of text that the article reader uses
 * to tell headings, captions and paragraphs apart. Ethiopic punctuation is
 * listed beside Latin because Amharic pages end sentences with "።".
 */

const CLOSERS = `["'”’»)\\]]*`;

/** Ends like a finished sentence: ".", "!", "?", "…", "።", "፧", maybe inside quotes. */
const SENTENCE_END = new RegExp(`[.!?…።፧]${CLOSERS}$`, 'u');

/** Ends with any punctuation a heading would not end with (full stop, comma, colon...). */
const NON_HEADING_END = new RegExp(`[.!?…:;,።፧፣፤፥፦]${CLOSERS}$`, 'u');

export const textShape = {
  endsSentence(text: string): boolean {
    return SENTENCE_END.test(text);
  },

  endsLikeHeading(text: string): boolean {
    return !NON_HEADING_END.test(text);
  },

  wordCount(text: string): number {
    const trimmed = text.trim();
    return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
  },

  hasLetter(text: string): boolean {
    return /\p{L}/u.test(text);
  },

  /** Starts with a lower-case letter: the line continues a sentence broken by a hard wrap. */
  startsLowerCase(text: string): boolean {
    return /^\p{Ll}/u.test(text);
  },

  /** Every cased letter is upper case and there is at least one ("UTURUKI", not "አፍሪካ"). */
  isAllCaps(text: string): boolean {
    return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
  },

  /**
   * Case-, accent- and punctuation-blind key, so "Septemba"/"SEPTEMBA" and a
   * title repeated with other quotes or casing compare equal.
   */
  fold(text: string): string {
    return text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[’‘ʼ`]/g, "'");
  },

  titleKey(text: string): string {
    return textShape.fold(text).replace(/[^\p{L}\p{N}]+/gu, '');
  },
};
