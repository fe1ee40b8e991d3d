import type { LanguageCode } from '../languages/language.catalogue';
import { contentTerms, isContentTerm } from '../text/text.content-terms';
import { lightStem } from '../text/text.stem';
import { stopWordsOf } from '../text/text.stopwords';
import { tokenize } from '../text/text.tokenize';
import { TERM_PROFILE } from './related.weights';

export interface ProfileText {
  title: string;
  standfirst?: string | null;
  body: string;
}

/**
 * The token stream a term profile is built from, and the terms whose document
 * frequency the corpus keeps: content terms (light-stemmed) of title, standfirst and body, with
 * the title repeated (TERM_PROFILE.titleRepeat) because the headline names the topic.
 */
export function profileTokens(
  article: ProfileText,
  language: LanguageCode,
  titleRepeat: number = TERM_PROFILE.titleRepeat,
  /** The bench compares other stemmers through this (bench/quality); production uses lightStem. */
  stem: (term: string, language: LanguageCode) => string = lightStem,
): string[] {
  const tokens: string[] = [];
  for (const [text, times] of profileTexts(article.title, article.standfirst, article.body, titleRepeat)) {
    const terms = contentTerms(tokenize(text, language), language).map((term) => stem(term, language));
    for (let i = 0; i < times; i++) tokens.push(...terms);
  }
  return tokens;
}

/**
 * The texts whose terms make a profile's token stream, in its order, each
 * with how many times its terms enter it: the title titleRepeat times, then
 * standfirst and body as one text (a space between the two never joins
 * words). The one rule for profileTokens and the bulk build's counting.
 */
function profileTexts(title: string, standfirst: string | null | undefined, body: string, titleRepeat: number): Array<[string, number]> {
  const texts: Array<[string, number]> = titleRepeat > 0 ? [[title, titleRepeat]] : [];
  texts.push([`${standfirst ?? ''} ${body}`, 1]);
  return texts;
}

export interface TokenSource {
  title: string;
  standfirst: string | null;
  bodyText: string;
  language: string;
}

/** The token stream an article's profile is built from (the same for the indexer and live reads). */
export function tokensOf(source: TokenSource): string[] {
  return profileTokens({ title: source.title, standfirst: source.standfirst, body: source.bodyText }, source.language as LanguageCode);
}

/** An article's distinct profile terms in code-unit order (compareTerms), each with how often its token stream has it. */
export interface TermCounts {
  terms: string[];
  counts: number[];
}

/**
 * tokensOf counted: what the bulk build's passes need of an article's text
 * (the distinct terms move document frequencies; the counts are the tf of its
 * profile), computed once, on a worker thread in `habari reindex`.
 */
export function termCountsOf(source: TokenSource): TermCounts {
  const tally = new Map<string, number>();
  visitProfileTerms(source, (term, times) => tally.set(term, (tally.get(term) ?? 0) + times));
  // The default sort compares UTF-16 code units, as compareTerms does, without a call per comparison.
  const terms = [...tally.keys()].sort();
  return { terms, counts: terms.map((term) => tally.get(term)!) };
}

/**
 * tokensOf's stream as it is counted: each of its terms with how many times
 * it enters the stream there (a title term titleRepeat times), without the
 * stream's arrays. For counting, where order does not matter.
 */
export function visitProfileTerms(source: TokenSource, visit: (term: string, times: number) => void): void {
  const language = source.language as LanguageCode;
  const stopWords = stopWordsOf(language);
  visitProfileTexts(source, (text, times) => {
    for (const token of tokenize(text, language)) {
      const term = profileTermOf(token, language, stopWords);
      if (term !== null) visit(term, times);
    }
  });
}

/** The texts whose tokens make tokensOf's stream, each with how many times its tokens enter it (the title's titleRepeat). */
export function visitProfileTexts(source: TokenSource, visit: (text: string, times: number) => void): void {
  for (const [text, times] of profileTexts(source.title, source.standfirst, source.bodyText, TERM_PROFILE.titleRepeat)) visit(text, times);
}

/** The profile term of a token (light-stemmed), or null for a token contentTerms drops; stopWords are the language's (stopWordsOf). */
export function profileTermOf(token: string, language: LanguageCode, stopWords: ReadonlySet<string>): string | null {
  return isContentTerm(token, stopWords) ? lightStem(token, language) : null;
}
