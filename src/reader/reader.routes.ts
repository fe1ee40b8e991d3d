import { isSupportedLanguage, type LanguageCode } from '../languages/language.catalogue';

export const READER_ASSET_PREFIX = '/_reader/';
/** Reserved second segment: a category slugged "search" would be shadowed by the search page. */
export const SEARCH_SEGMENT = 'search';
export const DEFAULT_LANGUAGE: LanguageCode = 'sw';

export type ReaderRoute =
  | { kind: 'home'; language: LanguageCode; chosen: boolean }
  | { kind: 'search'; language: LanguageCode; query: string; after: string | null }
  /** Two segments: a category page, or an article without a category (its public URL has no category). */
  | { kind: 'section'; language: LanguageCode; slug: string; after: string | null }
  | { kind: 'article'; language: LanguageCode; categorySlug: string; slug: string }
  | { kind: 'asset'; name: string }
  | { kind: 'notFound'; language: LanguageCode };

/**
 * Maps a request path (raw, still percent-encoded) and its query to a reader
 * page. Segments are decoded once, as Article.url encoded them.
 */
export function parseReaderRoute(rawPath: string, query: URLSearchParams, acceptLanguage: string | undefined): ReaderRoute {
  const fallback = chooseLanguage(query.get('lang'), acceptLanguage);
  if (rawPath.startsWith(READER_ASSET_PREFIX)) return { kind: 'asset', name: rawPath.slice(READER_ASSET_PREFIX.length) };
  const segments = decodeSegments(rawPath);
  if (segments === null) return { kind: 'notFound', language: fallback };
  if (segments.length === 0) return { kind: 'home', language: fallback, chosen: false };
  const [first, second, third] = segments;
  if (!isSupportedLanguage(first)) return { kind: 'notFound', language: fallback };
  const language = first;
  const after = query.get('after') || null;
  if (segments.length === 1) return { kind: 'home', language, chosen: true };
  if (segments.length === 2 && second === SEARCH_SEGMENT) return { kind: 'search', language, query: query.get('q') ?? '', after };
  if (segments.length === 2) return { kind: 'section', language, slug: second, after };
  if (segments.length === 3) return { kind: 'article', language, categorySlug: second, slug: third };
  return { kind: 'notFound', language };
}

function decodeSegments(rawPath: string): string[] | null {
  try {
    return rawPath.split('/').filter((segment) => segment !== '').map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

/**
 * `?lang=` when it names a supported language, else the first supported
 * language in Accept-Language by quality (primary subtag: "fr-CA" is fr),
 * else Swahili.
 */
export function chooseLanguage(explicit: string | null, acceptLanguage: string | undefined): LanguageCode {
  if (explicit && isSupportedLanguage(explicit.toLowerCase())) return explicit.toLowerCase() as LanguageCode;
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { primary: tag.trim().toLowerCase().split('-')[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((range) => range.quality > 0 && isSupportedLanguage(range.primary))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return (ranges[0]?.primary as LanguageCode | undefined) ?? DEFAULT_LANGUAGE;
}

