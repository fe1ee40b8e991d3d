import type { LanguageCode } from '../../src/languages/language.catalogue';
import type { CorpusArticle } from './quality.corpus';

/**
 * The plain baseline our ranking has to beat: raw tf × ln(N/df) over every word
 * (stop words kept, only lower-cased: no diacritic or apostrophe folding),
 * cosine over the full vectors. Returns the indexes of the `first` nearest
 * articles for each article.
 */
export function baselineNeighbours(articles: readonly CorpusArticle[], language: LanguageCode, first: number): number[][] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'word' });
  const counts = articles.map((article) => {
    const tf = new Map<string, number>();
    for (const { segment, isWordLike } of segmenter.segment(`${article.headline} ${article.text}`.toLowerCase())) {
      if (isWordLike) tf.set(segment, (tf.get(segment) ?? 0) + 1);
    }
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);

  // term -> [(article, normalised weight)], so each article's dot products are
  // accumulated over shared terms only.
  const postings = new Map<string, { article: number; weight: number }[]>();
  counts.forEach((tf, article) => {
    const weights = [...tf].map(([term, count]) => [term, count * Math.log(articles.length / (df.get(term) ?? 1))] as const);
    const norm = Math.sqrt(weights.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
    for (const [term, weight] of weights) {
      if (weight === 0) continue;
      const list = postings.get(term) ?? [];
      list.push({ article, weight: weight / norm });
      postings.set(term, list);
    }
  });
  const vectors = articles.map(() => new Map<string, number>());
  for (const [term, list] of postings) for (const { article, weight } of list) vectors[article].set(term, weight);

  return vectors.map((vector, self) => {
    const dots = new Float64Array(articles.length);
    for (const [term, weight] of vector) for (const other of postings.get(term) ?? []) dots[other.article] += weight * other.weight;
    return [...dots.keys()]
      .filter((index) => index !== self)
      .sort((a, b) => dots[b] - dots[a] || a - b)
      .slice(0, first);
  });
}
