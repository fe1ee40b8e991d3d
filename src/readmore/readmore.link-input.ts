import { Errors } from '../errors/error.catalogue';
import { fromGlobalId } from '../graphql/global-id';
import type { CuratedLink } from './readmore.repository';
import { urlKey } from './readmore.url';

export const MAX_CURATED_LINKS = 10;
const MAX_TITLE = 300;

export interface LinkInput {
  articleId?: string | null;
  url?: string | null;
  title?: string | null;
}

/**
 * Checks an editor's list of read-more links for `articleId` and returns it
 * clean (URLs normalised, titles trimmed). Every problem is a BAD_USER_INPUT
 * naming the link (`links[2].url`) and what to fix. Whether linked articles
 * exist is for the caller to check.
 */
export function parseReadMoreLinks(inputs: readonly LinkInput[], articleId: number): CuratedLink[] {
  if (inputs.length > MAX_CURATED_LINKS) {
    throw Errors.invalidArgument('links', `has ${inputs.length} links; an article can have at most ${MAX_CURATED_LINKS}.`);
  }
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    const at = `links[${index}]`;
    const hasArticle = input.articleId != null && input.articleId.trim() !== '';
    const hasUrl = input.url != null && input.url.trim() !== '';
    if (hasArticle === hasUrl) throw Errors.invalidArgument(at, 'needs exactly one of `articleId` (a Habari article) or `url` (an external page).');
    const title = input.title?.replace(/\s+/g, ' ').trim() || null;
    if (title && title.length > MAX_TITLE) throw Errors.invalidArgument(`${at}.title`, `is ${title.length} characters; keep it under ${MAX_TITLE}.`);

    let link: CuratedLink;
    if (hasArticle) {
      const decoded = fromGlobalId(input.articleId!.trim());
      if (!decoded || decoded.type !== 'Article') throw Errors.invalidArgument(`${at}.articleId`, `"${input.articleId}" is not an article ID: pass the \`id\` of an Article.`);
      if (decoded.id === articleId) throw Errors.invalidArgument(`${at}.articleId`, 'is the article itself: link to another article.');
      link = { targetArticleId: decoded.id, url: null, title };
    } else {
      const url = parseHttpUrl(input.url!.trim());
      if (!url) throw Errors.invalidArgument(`${at}.url`, `"${input.url}" is not an absolute http(s) URL such as https://example.org/story.`);
      if (!title) throw Errors.invalidArgument(`${at}.title`, 'is required for an external link: give the title readers will see.');
      link = { targetArticleId: null, url, title };
    }
    const key = link.url == null ? `article:${link.targetArticleId}` : `url:${urlKey(link.url)}`;
    if (seen.has(key)) throw Errors.invalidArgument(at, 'repeats an earlier link: list each article or page once.');
    seen.add(key);
    return link;
  });
}

function parseHttpUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
