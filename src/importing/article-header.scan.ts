import type { ArticleEntry } from './article-line.classifier';
import { textShape } from './text-shape';

// Free-text lines the header may hold before its date: the standfirst and a caption printed without a credit.
const MAX_HEADER_TEXT_LINES = 2;

/**
 * Where the header (standfirst, repeated title, lead image, date, byline)
 * ends, read by position as an editor would: free text between the title and
 * the header's markers is the standfirst, and a second such line right before
 * the date is a caption printed without a credit. Free text with no marker
 * after it is already the body. Once the date has been read, only furniture
 * right under it still belongs to the header.
 */
export function scanArticleHeader(rest: ArticleEntry[], titleKey: string): { headerEnd: number; standfirst: number } {
  let headerEnd = -1;
  let standfirst = -1;
  let dateSeen = false;
  let pending: number[] = [];
  for (let j = 0; j < rest.length; j += 1) {
    const entry = rest[j];
    const c = entry.c;
    if (c.kind === 'promo' || c.kind === 'source') break;
    const isRepeatedTitle = c.kind === 'text' && textShape.titleKey(entry.text) === titleKey;
    if (c.kind === 'text' && c.bareCredit && !isRepeatedTitle) {
      entry.c = { kind: 'image', url: null, caption: c.bareCredit.caption, credit: c.bareCredit.credit, languages: [] };
    } else if (c.kind === 'text' && !isRepeatedTitle) {
      if (dateSeen || pending.length === MAX_HEADER_TEXT_LINES) break;
      pending.push(j);
      continue;
    }
    const isDate = entry.c.kind === 'date' || entry.c.kind === 'relativeDate';
    if (isDate && pending.length > 0) {
      const captions = standfirst === -1 ? pending.slice(1) : pending;
      if (standfirst === -1) standfirst = pending[0];
      for (const k of captions) rest[k].c = { kind: 'image', url: null, caption: rest[k].text, credit: null, languages: [] };
    } else if (pending.length === 1 && standfirst === -1) {
      standfirst = pending[0];
    } else if (pending.length > 0) {
      break; // two free lines and no date: they were the body's first paragraphs
    }
    pending = [];
    headerEnd = j;
    dateSeen ||= isDate;
  }
  return { headerEnd, standfirst };
}
