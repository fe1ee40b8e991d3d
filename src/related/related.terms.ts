import type { LanguageCode } from '../languages/language.catalogue';
import { contentTerms } from '../text/text.content-terms';
import { lightStem } from '../text/text.stem';
import { tokenize } from '../text/text.tokenize';
import { tallyTokens } from './related.profile';
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
  const terms = (text: string) => contentTerms(tokenize(text, language), language).map((term) => stem(term, language));
  const title = terms(article.title);
  const rest = terms(`${article.standfirst ?? ''} ${article.body}`);
  const tokens: string[] = [];
  for (let i = 0; i < titleRepeat; i++) tokens.push(...title);
  tokens.push(...rest);
  return tokens;
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
  const tally = tallyTokens(tokensOf(source));
  // The default sort compares UTF-16 code units, as compareTerms does, without a call per comparison.
  const terms = [...tally.keys()].sort();
  return { terms, counts: terms.map((term) => tally.get(term)!) };
}
