import { SUPPORTED_LANGUAGES, type LanguageCode } from '../languages/language.catalogue';
import { ARTICLE_TEXT_MARKERS } from './article-text.markers';
import { cldrRelativeDatePatterns } from './cldr-phrases';
import { COLON, markerRules, type MarkerRule } from './marker-rules';
import { parsePrintedDate } from './printed-date';
import { textShape } from './text-shape';

type Evidence = { languages: readonly LanguageCode[] };

export interface BareCredit {
  caption: string;
  credit: string;
}

/** What one line of page text is, read on its own. Context (header or body) is the parser's job. */
export type ClassifiedLine =
  | { kind: 'blank' }
  | { kind: 'text'; bareCredit: BareCredit | null }
  | ({ kind: 'readingTime'; minutes: number } & Evidence)
  | ({ kind: 'date'; date: Date | null } & Evidence)
  | ({ kind: 'relativeDate' } & Evidence)
  | ({ kind: 'image'; url: string | null; caption: string | null; credit: string | null } & Evidence)
  | { kind: 'imageUrl'; url: string }
  | ({ kind: 'source'; name: string } & Evidence)
  | ({ kind: 'promo'; standalone: boolean } & Evidence)
  | ({ kind: 'author'; name: string } & Evidence);

/** A line of the page with what it was read as; the parser may re-read a line from its position. */
export interface ArticleEntry {
  line: number;
  text: string;
  c: ClassifiedLine;
}

// Furniture lines are short; these limits keep sentences that merely start
// with a marker word ("Na hivyo...", "Recommended by doctors, ...") as text.
const MAX_FURNITURE_WORDS = 8;
const MAX_FURNITURE_CHARS = 80;
const MAX_PROMO_WORDS = 12;
const MAX_BARE_CREDIT_WORDS = 6;
const MAX_BARE_CREDIT_CHARS = 50;

const IMAGE_URL = /^https?:\/\/\S+\.(?:jpe?g|png|webp|gif|avif)(?:[?#]\S*)?$/i;

interface Compiled {
  rule: MarkerRule;
  regex: RegExp;
}

function compile(field: Parameters<typeof markerRules>[0], shape: (rule: MarkerRule) => string): Compiled[] {
  return markerRules(field).map((rule) => ({ rule, regex: new RegExp(shape(rule), 'iu') }));
}

/** The placeholder "{n}" as escapeRegex leaves it in a rule's pattern. */
const NUMBER_SLOT = /(?:\\s\+)?\\\{n\\\}(?:\\s\+)?/;

/**
 * "MINTI {n} KARATU" puts the minutes where the template says; a marker
 * without "{n}" takes them before or after it ("2 DK KUSOMA", "MINTI 2").
 */
function readingTimeShape(rule: MarkerRule): string {
  if (NUMBER_SLOT.test(rule.pattern)) return `^${rule.pattern.replace(NUMBER_SLOT, '\\s*(\\d{1,3})\\s*')}\\.?$`;
  return `^(\\d{1,3})\\s*(?:${rule.pattern})\\.?$|^(?:${rule.pattern})\\s*(\\d{1,3})$`;
}

function build() {
  const colonOrSpace = (rule: MarkerRule) => (rule.colon ? `${COLON}\\s*` : '\\s+');
  return {
    readingTime: compile('readingTime', readingTimeShape),
    imageSource: compile('imageSourceLabels', (r) => `^(?:${r.pattern})\\s*[,:：፥፦]\\s*(.+)$`),
    imageCaption: compile('imageCaptionLabels', (r) => `^(?:${r.pattern})\\s*[,:：፥፦]\\s*(.+)$`),
    // A credit follows a slash, an opening bracket or a finished sentence, or opens the line.
    photoCredit: compile('photoCredit', (r) => `(^|/\\s*|\\(\\s*|[.!?…።]\\s+)(?:${r.pattern})${COLON}\\s*(\\S.*)$`),
    source: compile('source', (r) => `^(?:${r.pattern})${COLON}\\s*(\\S.*)$`),
    promo: compile('promo', (r) => `^(?:${r.pattern})(?=$|[\\s:\\-–—.…,!»"|])`),
    author: compile('author', (r) => `^(?:${r.pattern})${colonOrSpace(r)}(\\S.*)$`),
    relativeDate: SUPPORTED_LANGUAGES.flatMap((language) =>
      [...ARTICLE_TEXT_MARKERS[language].relativeDate, ...cldrRelativeDatePatterns(language)].map((regex) => ({ regex, languages: [language] })),
    ),
  };
}

let compiled: ReturnType<typeof build> | null = null;

function firstMatch(rules: readonly Compiled[], text: string): { match: RegExpExecArray; rule: MarkerRule } | null {
  for (const { rule, regex } of rules) {
    const match = regex.exec(text);
    if (match) return { match, rule };
  }
  return null;
}

/** The credit marker that appears earliest in the line (captions are long; markers sit at the end). */
function earliestMatch(rules: readonly Compiled[], text: string): { match: RegExpExecArray; rule: MarkerRule } | null {
  let best: { match: RegExpExecArray; rule: MarkerRule } | null = null;
  for (const { rule, regex } of rules) {
    const match = regex.exec(text);
    if (match && (!best || match.index < best.match.index)) best = { match, rule };
  }
  return best;
}

/** A byline names people: capitalised words, short joining words allowed ("Amina Yusuf na John Doe"). */
function looksLikeName(name: string): boolean {
  if (name.length > MAX_FURNITURE_CHARS || textShape.endsSentence(name)) return false;
  const words = name.replace(/[,&]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_FURNITURE_WORDS) return false;
  if (!/^[\p{Lu}\p{Lo}]/u.test(words[0])) return false;
  return words.every((word) => word.length <= 3 || /^[\p{Lu}\p{Lo}\p{N}(]/u.test(word));
}

function isShortFurniture(text: string): boolean {
  return text.length <= MAX_FURNITURE_CHARS && textShape.wordCount(text) <= MAX_FURNITURE_WORDS;
}

/**
 * "Caption text. / AA": a credit after a slash with no marker word. Only a
 * short, capitalised tail counts, so "50 / 50" and "and / or" stay text.
 */
function findBareCredit(text: string): BareCredit | null {
  if (text.includes('://')) return null;
  // The credit is short, so only a slash near the end can start one; this keeps long lines linear.
  const from = Math.max(0, text.length - MAX_BARE_CREDIT_CHARS - 8);
  for (let slash = text.indexOf('/', from); slash !== -1; slash = text.indexOf('/', slash + 1)) {
    const caption = cleanCaption(text.slice(0, slash));
    const credit = text.slice(slash + 1).trim().replace(/^©\s*/, '');
    if (textShape.wordCount(caption) < 2) continue;
    if (credit.length === 0 || credit.length > MAX_BARE_CREDIT_CHARS) continue;
    if (textShape.wordCount(credit) > MAX_BARE_CREDIT_WORDS || textShape.endsSentence(credit)) continue;
    if (!/^[\p{Lu}\p{Lo}]/u.test(credit)) continue;
    return { caption, credit };
  }
  return null;
}

/** A caption as the page means it: without the separators left where a credit was ("… /", "… / /"). */
function cleanCaption(caption: string): string {
  return caption.replace(/[\s/|]+$/u, '').trim();
}

function cleanCredit(credit: string, openedBracket: boolean): string | null {
  const trimmed = credit.replace(/^[\s/|]+|[\s/|]+$/gu, '');
  const clean = openedBracket ? trimmed.replace(/\)\s*$/, '').trim() : trimmed;
  return clean === '' ? null : clean;
}

/** "Caption text /": the credit after the separator is missing; at least two words before it, and no URL. */
function captionWithoutCredit(text: string): string | null {
  if (!/\s\/[\s/]*$/u.test(text) || text.includes('://')) return null;
  const caption = cleanCaption(text);
  return textShape.wordCount(caption) >= 2 ? caption : null;
}

export function classifyArticleLine(text: string): ClassifiedLine {
  if (text === '') return { kind: 'blank' };
  const rules = (compiled ??= build());

  if (IMAGE_URL.test(text)) return { kind: 'imageUrl', url: text };

  if (isShortFurniture(text)) {
    const reading = firstMatch(rules.readingTime, text);
    if (reading) {
      const minutes = Number(reading.match[1] ?? reading.match[2]);
      if (minutes > 0) return { kind: 'readingTime', minutes, languages: reading.rule.languages };
    }
    const relative = rules.relativeDate.find(({ regex }) => regex.test(text));
    if (relative) return { kind: 'relativeDate', languages: relative.languages };
  }

  const printed = parsePrintedDate(text);
  if (printed) return { kind: 'date', date: printed.date, languages: printed.languages };

  const source = firstMatch(rules.imageSource, text);
  if (source) return { kind: 'image', url: null, caption: null, credit: source.match[1].trim(), languages: source.rule.languages };
  const caption = firstMatch(rules.imageCaption, text);
  if (caption) return { kind: 'image', url: null, caption: caption.match[1].trim(), credit: null, languages: caption.rule.languages };

  const credit = earliestMatch(rules.photoCredit, text);
  if (credit) {
    // "… in Ankara. Photo: AA": the full stop ends the caption; a slash or bracket belongs to neither.
    const keep = /^[.!?…።]/u.test(credit.match[1]) ? 1 : 0;
    const before = cleanCaption(text.slice(0, credit.match.index + keep));
    return {
      kind: 'image',
      url: null,
      caption: before === '' ? null : before,
      credit: cleanCredit(credit.match[2], credit.match[1].includes('(')),
      languages: credit.rule.languages,
    };
  }

  const sourceLine = firstMatch(rules.source, text);
  if (sourceLine && isShortFurniture(sourceLine.match[1])) {
    return { kind: 'source', name: sourceLine.match[1].replace(/\.$/, '').trim(), languages: sourceLine.rule.languages };
  }

  const promo = firstMatch(rules.promo, text);
  if (promo) {
    const rest = text.slice(promo.match[0].length);
    const standalone = rest.replace(/[\s:\-–—.…,!»"|]+/g, '') === '';
    if (standalone || /^\s*[:\-–—|]/.test(rest) || textShape.wordCount(text) <= MAX_PROMO_WORDS) {
      return { kind: 'promo', standalone, languages: promo.rule.languages };
    }
  }

  const author = firstMatch(rules.author, text);
  if (author) {
    const name = author.match[1].replace(/,$/, '').trim();
    const plausible = author.rule.colon ? isShortFurniture(name) : looksLikeName(name);
    if (plausible) return { kind: 'author', name, languages: author.rule.languages };
  }

  const uncredited = captionWithoutCredit(text);
  if (uncredited) return { kind: 'image', url: null, caption: uncredited, credit: null, languages: [] };

  const bare = findBareCredit(text);
  // In the body only a finished-sentence caption counts; the header also takes "Caption / AA".
  if (bare && textShape.endsSentence(bare.caption)) {
    return { kind: 'image', url: null, caption: bare.caption, credit: bare.credit, languages: [] };
  }
  return { kind: 'text', bareCredit: bare };
}
