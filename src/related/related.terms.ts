import type { LanguageCode } from '../languages/language.catalogue';
import { contentTerms } from '../text/text.content-terms';
import { lightStem } from '../text/text.stem';
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
  const terms = (text: string) => contentTerms(tokenize(text, language), language).map((term) => stem(term, language));
  const title = terms(article.title);
  const rest = terms(`${article.standfirst ?? ''} ${article.body}`);
  const tokens: string[] = [];
  for (let i = 0; i < titleRepeat; i++) tokens.push(...title);
  tokens.push(...rest);
  return tokens;
}
