import type { LanguageCode } from '../languages/language.catalogue';
import { normalizeText } from '../text/text.normalize';
import { isStopWord } from '../text/text.stopwords';
import { tokenize } from '../text/text.tokenize';
import { SearchQueryError } from './search.errors';

export const MAX_QUERY_LENGTH = 200;

export interface SearchQuery {
  /** Normalised words, in the order typed, without repeats. Never query syntax. */
  terms: string[];
}

/**
 * Turns what a reader typed into plain search words. Nothing in the input is
 * syntax: quotes, *, :, ^, parentheses, a lone -, NEAR/AND/OR/NOT are either
 * punctuation (dropped) or ordinary words (searched as such); the dialect
 * builders (toFts5Match, toTsQuery) quote every term.
 *
 * Stop words of `language` are dropped when other words remain, because every
 * article contains them; a query made only of stop words ("the who", "na wao")
 * searches them rather than failing. Without a language nothing is dropped:
 * a stop word in one language is a content word in another.
 */
export function parseSearchQuery(input: string, language?: LanguageCode): SearchQuery {
  // Length first, so an oversized input is refused before any work is done on it.
  const length = codePointLength(input.trim());
  if (length > MAX_QUERY_LENGTH) {
    throw new SearchQueryError(
      'QUERY_TOO_LONG',
      `The search text has ${length} characters; shorten it to at most ${MAX_QUERY_LENGTH}.`,
    );
  }
  if (normalizeText(input) === '') {
    throw new SearchQueryError('EMPTY_QUERY', 'The search text is empty. Type at least one word.');
  }

  // Word boundaries are the same for all supported languages (none needs a
  // dictionary segmenter), so English segmentation serves an unknown language.
  const words = [...new Set(tokenize(input, language ?? 'en'))];
  if (words.length === 0) {
    throw new SearchQueryError(
      'NO_SEARCHABLE_TERMS',
      'The search text has no words to search for. Type at least one word made of letters or digits.',
    );
  }
  if (!language) return { terms: words };
  const content = words.filter((word) => !isStopWord(word, language));
  return { terms: content.length > 0 ? content : words };
}

/** Characters as people count them: an emoji or a Ge'ez syllable is one, not two UTF-16 units. */
function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
