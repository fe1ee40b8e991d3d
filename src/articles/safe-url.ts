const MAX_URL_LENGTH = 2_048;

/**
 * An absolute http(s) URL, normalized, or null. Nothing else is ever stored,
 * whichever way an article arrives (editor, importArticle, `habari import`):
 * not javascript:, data:, file: or vbscript: in any case, nor a URL hidden
 * behind whitespace or control characters (which browsers strip), nor an
 * entity-encoded scheme (which is no URL at all).
 */
export function safeHttpUrl(raw: string): string | null {
  const text = raw.trim();
  if (!/^https?:\/\//i.test(text) || /[\s\u0000-\u001F\u007F-\u009F]|\p{Cs}/u.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
  return url.href.length <= MAX_URL_LENGTH ? url.href : null;
}
