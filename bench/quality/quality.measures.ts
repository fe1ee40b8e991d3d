import { createHash } from 'node:crypto';
import type { LanguageCode } from '../../src/languages/language.catalogue';
import { buildTermProfile } from '../../src/related/related.profile';
import { rankRelated } from '../../src/related/related.ranking';
import { profileOverlap } from '../../src/related/related.similarity';
import { profileTokens } from '../../src/related/related.terms';
import type { RelatedInput } from '../../src/related/related.types';
import { RELATED_WEIGHTS, TERM_PROFILE, type RelatedWeights, type TermProfileSettings } from '../../src/related/related.weights';
import { parseSearchQuery } from '../../src/search/search.query';
import { contentTerms } from '../../src/text/text.content-terms';
import { normalizeText } from '../../src/text/text.normalize';
import { tokenize } from '../../src/text/text.tokenize';
import { baselineNeighbours } from './quality.baseline';
import { Bm25Index } from './quality.bm25';
import type { CorpusArticle } from './quality.corpus';

export const RELATED_SHOWN = 5;
/**
 * Candidates handed to rankRelated per article: the ones with the largest
 * profile dot product, as the related indexer loads them (CANDIDATE_POOL in
 * src/related/related.index-batch.ts).
 */
export const CANDIDATE_POOL = 50;
export const SEARCH_TOP = 3;
export const SEARCH_WORDS = 3;

export interface Tuning {
  profile: TermProfileSettings;
  weights: RelatedWeights;
}

/** Share of the `shown` neighbours (missing ones count as wrong) in the article's own category. */
export function precision(articles: readonly CorpusArticle[], neighbours: readonly (readonly number[])[], shown: number): number {
  let right = 0;
  neighbours.forEach((list, self) => {
    right += list.filter((index) => articles[index].category === articles[self].category).length;
  });
  return right / (shown * articles.length);
}

export function documentFrequencies(termLists: readonly (readonly string[])[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const terms of termLists) for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1);
  return df;
}

/** Precision@5 of rankRelated, with categories hidden from it, all articles of one source. */
export function relatedPrecision(
  articles: readonly CorpusArticle[],
  language: LanguageCode,
  tuning: Tuning = { profile: TERM_PROFILE, weights: RELATED_WEIGHTS },
  stem?: (term: string, language: LanguageCode) => string,
): number {
  const inputs = corpusInputs(articles, language, tuning.profile, stem);
  const neighbours = inputs.map((target) => rankedNeighbours(target, inputs, tuning.weights));
  return precision(articles, neighbours, RELATED_SHOWN);
}

/** The ranking's view of every corpus article (id = index + 1), no category, one source, profiles over the whole file (after a reindex). */
export function corpusInputs(
  articles: readonly CorpusArticle[],
  language: LanguageCode,
  settings: TermProfileSettings = TERM_PROFILE,
  stem?: (term: string, language: LanguageCode) => string,
): RelatedInput[] {
  const tokens = articles.map((article) => profileTokens({ title: article.headline, body: article.text }, language, settings.titleRepeat, stem));
  const df = documentFrequencies(tokens);
  return articles.map((article, index) => ({
    id: index + 1,
    language,
    categoryId: null,
    sourceId: 1,
    tags: [],
    publishedAt: null,
    profile: buildTermProfile(tokens[index], (term) => df.get(term) ?? 0, articles.length, settings.size, settings),
    contentHash: createHash('sha1').update(normalizeText(article.text)).digest('hex'),
    title: article.headline,
  }));
}

/** Article indexes (id - 1) of the target's top RELATED_SHOWN, ranked from its CANDIDATE_POOL best profile matches as the indexer does. */
export function rankedNeighbours(target: RelatedInput, inputs: readonly RelatedInput[], weights: RelatedWeights): number[] {
  const pool = inputs
    .filter((input) => input !== target)
    .map((input) => ({ input, dot: profileOverlap(target.profile, input.profile).cosine }))
    .filter(({ dot }) => dot > 0)
    .sort((a, b) => b.dot - a.dot || a.input.id - b.input.id)
    .slice(0, CANDIDATE_POOL)
    .map(({ input }) => input);
  return rankRelated(target, pool, RELATED_SHOWN, weights).map(({ id }) => id - 1);
}

export function baselinePrecision(articles: readonly CorpusArticle[], language: LanguageCode): number {
  return precision(articles, baselineNeighbours(articles, language, RELATED_SHOWN), RELATED_SHOWN);
}

/**
 * Share of articles found in the top 3 when searching the 3 most distinctive
 * (highest idf, not stop words) words of their headline, typed in headline order.
 */
export function searchHitRate(articles: readonly CorpusArticle[], language: LanguageCode): number {
  const documents = articles.map((article) => ({ title: tokenize(article.headline, language), body: tokenize(article.text, language) }));
  const df = documentFrequencies(documents.map(({ title, body }) => [...title, ...body]));
  const index = new Bm25Index(documents);

  let hits = 0;
  documents.forEach(({ title }, self) => {
    const candidates = [...new Set(contentTerms(title, language))];
    const chosen = new Set(
      [...candidates].sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0) || (a < b ? -1 : 1)).slice(0, SEARCH_WORDS),
    );
    const typed = candidates.filter((word) => chosen.has(word)).join(' ');
    if (typed === '') return; // a headline of stop words only: counted as a miss
    const { terms } = parseSearchQuery(typed, language);
    if (index.search(terms, SEARCH_TOP).includes(self)) hits++;
  });
  return hits / articles.length;
}
