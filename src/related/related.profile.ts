import { TERM_PROFILE, type TermProfileSettings } from './related.weights';
import type { TermWeight } from './related.types';

/** Plain code-unit order: locale-independent, so every server sorts alike. */
export function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The K most distinctive terms of one article, weighted (1 + ln tf) × idf and
 * L2-normalised so that the dot product of two profiles is their cosine.
 *
 * `df(term)` and `totalDocs` count the language's articles with this one
 * included; a df below 1 is read as 1 (the article itself has the term).
 * idf = ln((N + 1) / (df + 1)) + 1 stays positive for a term in every article.
 * Terms in more than maxDocumentShare of the articles say nothing about a topic;
 * terms in fewer than minDocumentFrequency link to nothing (see related.weights.ts).
 * Deterministic: equal weights are ordered by term.
 */
export function buildTermProfile(
  tokens: readonly string[],
  df: (term: string) => number,
  totalDocs: number,
  k: number = TERM_PROFILE.size,
  settings: ProfileCuts = TERM_PROFILE,
): TermWeight[] {
  return profileFromCounts(tallyTokens(tokens), df, totalDocs, k, settings);
}

/** How often each token occurs (term → tf), in first-seen order. */
export function tallyTokens(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

type ProfileCuts = Pick<TermProfileSettings, 'maxDocumentShare' | 'minDocumentsForShareCut' | 'minDocumentFrequency'>;

/**
 * buildTermProfile from tokens already counted (term → tf, any order: the
 * profile is sorted by weight, then term), as the bulk build's workers count them.
 */
export function profileFromCounts(
  counts: Iterable<readonly [string, number]>,
  df: (term: string) => number,
  totalDocs: number,
  k: number = TERM_PROFILE.size,
  settings: ProfileCuts = TERM_PROFILE,
): TermWeight[] {
  const docs = Math.max(1, totalDocs);
  const cutCommon = docs >= settings.minDocumentsForShareCut;
  const scored: TermWeight[] = [];
  for (const [term, tf] of counts) {
    const frequency = Math.min(Math.max(1, df(term) || 0), docs);
    if (frequency < settings.minDocumentFrequency) continue;
    if (cutCommon && frequency > settings.maxDocumentShare * docs) continue;
    const idf = Math.log((docs + 1) / (frequency + 1)) + 1;
    scored.push({ term, weight: (1 + Math.log(tf)) * idf });
  }
  scored.sort((a, b) => b.weight - a.weight || compareTerms(a.term, b.term));

  const top = scored.slice(0, Math.max(0, Math.floor(k)));
  const norm = Math.sqrt(top.reduce((sum, { weight }) => sum + weight * weight, 0));
  // Weights are 32-bit floats (held as numbers): the bulk build keeps a language's tens of millions
  // of them in a Float32Array (related.memory-index.ts), and the lists must not depend on which path built them.
  if (!(norm > 0)) return [];
  const rounded = top.map(({ term, weight }) => ({ term, weight: Math.fround(weight / norm) }));
  // Rounding can make neighbours equal: ordered again, so the profile is in the order every reader sorts it.
  return rounded.sort((a, b) => b.weight - a.weight || compareTerms(a.term, b.term));
}
