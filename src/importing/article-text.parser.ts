import type { BodyBlockData } from '../articles/body-block';
import { MIN_IDENTIFIABLE_LETTERS } from '../languages/language-identifier';
import { isSupportedLanguage, SUPPORTED_LANGUAGES, type LanguageCode } from '../languages/language.catalogue';
import { buildBodyBlocks } from './article-body.blocks';
import { inferArticleLanguage } from './article-language';
import { classifyArticleLine, type ArticleEntry, type ClassifiedLine } from './article-line.classifier';
import { scanArticleHeader } from './article-header.scan';
import { pairImageHalves } from './image-halves';
import { splitArticleLines } from './article-text.lines';
import { textShape } from './text-shape';
import { toTitleCase } from './title-case';

export interface ParsedImage {
  url: string | null;
  caption: string | null;
  credit: string | null;
}

export interface ParsedArticle {
  language: LanguageCode;
  title: string;
  standfirst: string | null;
  categoryName: string | null;
  readingTimeMinutes: number | null;
  leadImage: ParsedImage | null;
  inlineImages: ParsedImage[];
  /** UTC midnight of the printed calendar date; null for relative or missing dates. */
  publishedAt: Date | null;
  author: string | null;
  body: BodyBlockData[];
  sourceName: string | null;
}

export type ParseOutcome =
  | { ok: true; article: ParsedArticle; warnings: string[] }
  | { ok: false; line: number; reason: string };

// A category label is a word or two ("UTURUKI", "AFRIKA MASHARIKI").
const MAX_CATEGORY_WORDS = 5;
const MAX_CATEGORY_CHARS = 40;
// A headline this long that ends in a full stop is the first paragraph: the title is missing.
const MAX_TITLE_WORDS_WITH_FULL_STOP = 25;
// After "Soma pia" on its own line comes the linked headline, which is short.
const MAX_LINKED_HEADLINE_WORDS = 20;

const fail = (line: number, reason: string): ParseOutcome => ({ ok: false, line, reason });

function isCategoryLabel(entry: ArticleEntry, next: ArticleEntry | undefined): boolean {
  const { text } = entry;
  if (textShape.wordCount(text) > MAX_CATEGORY_WORDS || text.length > MAX_CATEGORY_CHARS) return false;
  if (!textShape.hasLetter(text) || !textShape.endsLikeHeading(text)) return false;
  return textShape.isAllCaps(text) || next?.c.kind === 'readingTime';
}

function imageOf(c: ClassifiedLine): ParsedImage | null {
  if (c.kind === 'image') return { url: c.url, caption: c.caption, credit: c.credit };
  if (c.kind === 'imageUrl') return { url: c.url, caption: null, credit: null };
  return null;
}

function parse(text: string, requested: LanguageCode | undefined): ParseOutcome {
  const entries: ArticleEntry[] = splitArticleLines(text).map(({ line, text: lineText }) => ({
    line,
    text: lineText,
    c: classifyArticleLine(lineText),
  }));
  const content = entries.filter((entry) => entry.c.kind !== 'blank');
  if (content.length === 0) {
    return fail(1, 'the text is empty: expected a title line followed by body paragraphs');
  }

  // Category and reading time (in any order) come before the title, maybe with a date or byline.
  const furniture: ArticleEntry[] = [];
  let category: ArticleEntry | null = null;
  let titleIndex = -1;
  for (let k = 0; k < content.length && titleIndex === -1; k += 1) {
    const entry = content[k];
    if (entry.c.kind !== 'text') furniture.push(entry);
    else if (category === null && isCategoryLabel(entry, content[k + 1])) category = entry;
    else titleIndex = k;
  }
  if (titleIndex === -1) {
    const last = content[content.length - 1];
    return fail(last.line, `no title: the text ends on line ${last.line} with only page furniture (category, reading time, date or credit lines); add the headline and the body paragraphs`);
  }
  const title = content[titleIndex];
  const titleWords = textShape.wordCount(title.text);
  if (titleWords > MAX_TITLE_WORDS_WITH_FULL_STOP && textShape.endsSentence(title.text)) {
    return fail(title.line, `no title: line ${title.line} reads like a body paragraph (${titleWords} words ending in a full stop); put the headline on its own line before the body`);
  }
  const titleKey = textShape.titleKey(title.text);

  const rest = pairImageHalves(content.slice(titleIndex + 1), titleKey);
  const { headerEnd, standfirst } = scanArticleHeader(rest, titleKey);
  const header = [...furniture, ...rest.slice(0, headerEnd + 1).filter((_, j) => j !== standfirst)];
  const body = rest.slice(headerEnd + 1);
  const bodyStartLine = headerEnd >= 0 ? rest[headerEnd].line + 1 : title.line + 1;

  const readingTimes: number[] = [];
  const dates: ArticleEntry[] = [];
  const authors: string[] = [];
  const sources: string[] = [];
  const headerImages: ParsedImage[] = [];
  const inlineImages: ParsedImage[] = [];
  const warnings: string[] = [];

  const noteFurniture = (entry: ArticleEntry, images: ParsedImage[]): boolean => {
    const c = entry.c;
    const image = imageOf(c);
    if (image) images.push(image);
    else if (c.kind === 'readingTime') readingTimes.push(c.minutes);
    else if (c.kind === 'date' || c.kind === 'relativeDate') dates.push(entry);
    else if (c.kind === 'author') authors.push(c.name);
    else if (c.kind === 'source') sources.push(c.name);
    else return c.kind === 'promo';
    return true;
  };
  for (const entry of header) noteFurniture(entry, headerImages);

  const texts: { text: string; lastLine: number }[] = [];
  let skipLinkedHeadline = false;
  for (let k = 0; k < body.length; k += 1) {
    const entry = body[k];
    const c = entry.c;
    const afterStandalonePromo = skipLinkedHeadline;
    skipLinkedHeadline = c.kind === 'promo' && c.standalone;
    if (c.kind === 'source' && texts.length > 0) {
      sources.push(c.name);
      const dropped = body.slice(k + 1);
      if (dropped.length > 0) {
        const [first, last] = [dropped[0].line, dropped[dropped.length - 1].line];
        const where = first === last ? `line ${first}` : `lines ${first}-${last}`;
        warnings.push(`${where} after the source line (line ${entry.line}) left out of the body`);
      }
      break;
    }
    if (noteFurniture(entry, inlineImages)) continue;
    if (c.kind !== 'text') continue;
    if (afterStandalonePromo && !textShape.endsSentence(entry.text) && textShape.wordCount(entry.text) <= MAX_LINKED_HEADLINE_WORDS) continue;
    if (textShape.titleKey(entry.text) === titleKey) continue;
    const previous = texts[texts.length - 1];
    // A hard-wrapped paragraph: the line above stopped mid-sentence and this one carries on in lower case.
    if (previous && previous.lastLine === entry.line - 1 && !textShape.endsSentence(previous.text) && textShape.startsLowerCase(entry.text)) {
      previous.text = `${previous.text} ${entry.text}`;
      previous.lastLine = entry.line;
    } else {
      texts.push({ text: entry.text, lastLine: entry.line });
    }
  }

  const blocks = buildBodyBlocks(texts.map((t) => t.text));
  if (!blocks.some((block) => block.type === 'PARAGRAPH')) {
    const line = Math.min(bodyStartLine, entries.length);
    return fail(line, `no body paragraphs: nothing from line ${line} on reads as article text (only captions, dates, promotion or source lines); add the article's paragraphs after the header`);
  }

  let language = requested;
  if (!language) {
    const prose = [title.text, standfirst === -1 ? '' : rest[standfirst].text, ...blocks.map((block) => block.text)].join('\n');
    const guess = inferArticleLanguage(entries.map((entry) => entry.c), content.map((entry) => entry.text), prose);
    if (!guess.language) {
      return fail(
        1,
        `could not tell the article's language: no reading-time, photo-credit, source, byline or month-name marker of ${SUPPORTED_LANGUAGES.join(', ')} was found, ` +
          `and the text is too short to identify (at least ${MIN_IDENTIFIABLE_LETTERS} letters); pass the language option`,
      );
    }
    language = guess.language;
    if (guess.note) warnings.push(guess.note);
  }

  // The first real calendar date is the publication date; a relative one ("9 hours ago") never is.
  const printed = dates.find((entry) => entry.c.kind === 'date' && entry.c.date !== null);
  const publishedAt = printed?.c.kind === 'date' ? printed.c.date : null;
  const outcome = printed ? `publishedAt taken from line ${printed.line}` : 'publishedAt left empty';
  for (const entry of dates) {
    if (entry === printed) continue;
    if (entry.c.kind === 'relativeDate') {
      warnings.push(`line ${entry.line}: "${entry.text}" is relative to when the page was read, not a calendar date; ${outcome}`);
    } else if (entry.c.kind === 'date' && entry.c.date === null) {
      warnings.push(`line ${entry.line}: "${entry.text}" is not a real calendar date; ${outcome}`);
    }
  }
  if (dates.length === 0) warnings.push('no publication date found; publishedAt left empty');

  return {
    ok: true,
    warnings,
    article: {
      language,
      title: title.text,
      standfirst: standfirst === -1 ? null : rest[standfirst].text,
      categoryName: category ? toTitleCase(category.text, language) : null,
      readingTimeMinutes: readingTimes[0] ?? null,
      leadImage: headerImages[0] ?? null,
      inlineImages: [...headerImages.slice(1), ...inlineImages],
      publishedAt,
      author: authors[0] ?? null,
      body: blocks,
      sourceName: sources[0] ?? null,
    },
  };
}

/**
 * Reads an article pasted from a news page, as an editor would: category,
 * reading time, title, standfirst, lead image, date and byline at the top;
 * paragraphs and subheadings; promotion and the source line at the foot.
 * Never throws: text that cannot be an article comes back as ok:false with
 * the line to look at and what is missing.
 */
export function parseArticleText(text: string, options?: { language?: LanguageCode }): ParseOutcome {
  if (typeof text !== 'string') return fail(1, 'expected the article as a string of text');
  const requested = options?.language;
  if (requested !== undefined && !isSupportedLanguage(requested)) {
    return fail(1, `unsupported language "${String(requested)}"; use one of ${SUPPORTED_LANGUAGES.join(', ')}`);
  }
  try {
    return parse(text, requested);
  } catch (error) {
    // A bug in the reader must not stop a batch import; report it like bad input.
    return fail(1, `could not read the text (${error instanceof Error ? error.message : String(error)}); report this text to the Habari team`);
  }
}
