import type { LanguageCode } from '../../src/languages/language.catalogue';
import type { CorpusArticle } from './quality.corpus';

/**
 * The plain TF-IDF cosine of issue 13: words of 3+ letters, lower case,
 * (1 + ln tf) × ln(N/df), L2-normalised, headline and text. Returns, for each
 * of `targets`, the indexes of its `first` nearest other articles.
 */
export function tfidfNeighbours(articles: readonly CorpusArticle[], language: LanguageCode, targets: readonly number[], first: number): number[][] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'word' });
  const counts = articles.map((article) => {
    const tf = new Map<string, number>();
    for (const { segment, isWordLike } of segmenter.segment(`${article.headline} ${article.text}`.toLowerCase())) {
      if (isWordLike && [...segment].length >= 3) tf.set(segment, (tf.get(segment) ?? 0) + 1);
    }
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);

  const postings = new Map<string, { article: number; weight: number }[]>();
  const vectors = counts.map((tf, article) => {
    const weights = [...tf].map(([term, count]) => [term, (1 + Math.log(count)) * Math.log(articles.length / df.get(term)!)] as const);
    const norm = Math.sqrt(weights.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
    const vector = new Map<string, number>();
    for (const [term, weight] of weights) {
      if (weight === 0) continue;
      vector.set(term, weight / norm);
      const list = postings.get(term) ?? [];
      list.push({ article, weight: weight / norm });
      postings.set(term, list);
    }
    return vector;
  });

  return targets.map((self) => {
    const dots = new Float64Array(articles.length);
    for (const [term, weight] of vectors[self]) for (const other of postings.get(term) ?? []) dots[other.article] += weight * other.weight;
    return [...dots.keys()]
      .filter((index) => index !== self)
      .sort((a, b) => dots[b] - dots[a] || a - b)
      .slice(0, first);
  });
}
