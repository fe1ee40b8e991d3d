import type { Article } from '../articles/article.entity';

/** The public page of an article: {base}/{language}/{category}/{slug}, or {base}/{language}/{slug} without a category. */
export function articlePublicUrl(base: string, article: Pick<Article, 'language' | 'slug'>, categorySlug: string | null): string {
  const path = categorySlug ? [article.language, categorySlug, article.slug] : [article.language, article.slug];
  return `${base}/${path.map(encodeURIComponent).join('/')}`;
}

/** Compares URLs as browsers resolve them ("HTTPS://Example.org" = "https://example.org/"). */
export function urlKey(url: string): string {
  try {
    return new URL(url).toString();
  } catch {
    return url;
  }
}
