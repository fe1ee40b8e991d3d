import type { LanguageCode } from '../languages/language.catalogue';
import { tokenize } from '../text/text.tokenize';

/**
 * What the search index stores for one article: its normalized words, per
 * weighted field, each field one string of words joined by single spaces
 * (what FTS5 takes; one string also crosses from the import worker thread
 * far cheaper than thousands).
 */
export interface SearchDocument {
  title: string;
  standfirst: string;
  body: string;
}

export function searchDocumentOf(article: { title: string; standfirst: string | null; bodyText: string; language: string }): SearchDocument {
  const language = article.language as LanguageCode;
  return {
    title: tokenize(article.title, language).join(' '),
    standfirst: tokenize(article.standfirst ?? '', language).join(' '),
    body: tokenize(article.bodyText, language).join(' '),
  };
}

const wordsOf = (field: string): string[] => (field ? field.split(' ') : []);

const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 8;

/**
 * A PostgreSQL tsvector literal built from our own tokens ('word':1A,5 ...),
 * so PostgreSQL indexes exactly the words SQLite's FTS5 indexes: no text
 * search parser or dictionary in between (the default parser would split
 * Ge'ez or folded words its own way). Title A, standfirst B, body C.
 */
export function toTsVectorLiteral(document: SearchDocument): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  const add = (tokens: string[], weight: 'A' | 'B' | 'C') => {
    for (const token of tokens) {
      position = Math.min(position + 1, MAX_POSITION);
      const list = positions.get(token) ?? [];
      if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${position}${weight}`);
      positions.set(token, list);
    }
  };
  add(wordsOf(document.title), 'A');
  add(wordsOf(document.standfirst), 'B');
  add(wordsOf(document.body), 'C');
  return [...positions]
    .map(([lexeme, at]) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}':${at.join(',')}`)
    .join(' ');
}
