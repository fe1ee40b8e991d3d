export interface TextLine {
  /** 1-based line number in the text as given, so errors can point at it. */
  line: number;
  /** Trimmed, with every run of whitespace (tabs, U+00A0, U+202F...) made one space; '' when blank. */
  text: string;
}

/**
 * Splits pasted page text into clean lines. Text copied from browsers and
 * word processors brings a BOM, Windows or old Mac line ends, non-breaking
 * and zero-width spaces; none of them carries meaning for the reader, and
 * leaving them in would make "2 DK KUSOMA" and "2\u00A0DK KUSOMA" differ.
 */
export function splitArticleLines(text: string): TextLine[] {
  return text
    .replace(/[\uFEFF\u200B\u2060]/g, '')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((raw, index) => ({ line: index + 1, text: raw.replace(/\s+/g, ' ').trim() }));
}
