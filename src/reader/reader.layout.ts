import { LANGUAGES, SUPPORTED_LANGUAGES, type LanguageCode } from '../languages/language.catalogue';
import { html, jsonScriptContent, type Html, type HtmlValue } from './reader.html';
import { READER_ARTICLE_PUBLISHED } from './reader.operations';
import { READER_STRINGS } from './reader.strings';

/** What every page needs beyond its own content. */
export interface PageContext {
  /** Language of the interface (and of the page's `lang`). */
  readonly language: LanguageCode;
  /** PUBLIC_BASE_URL: API URLs under it become links on this site. */
  readonly publicBaseUrl: string;
  readonly graphqlPath: string;
  /** URL of a served asset by name, with its content hash. */
  readonly assetUrl: (name: string) => string;
}

export interface PageHead {
  readonly title: string;
  readonly description: string;
  /** Absolute URL of the page as it is published. */
  readonly canonical: string;
  readonly ogType: 'website' | 'article';
  readonly image?: string | null;
  /** Homes list their translations. */
  readonly alternates?: ReadonlyArray<{ language: LanguageCode; href: string }>;
}

export const SITE_NAME = 'Habari';

/**
 * An API URL under PUBLIC_BASE_URL as a path on this site; other http(s)
 * URLs stay as they are; anything else (javascript:, data:) becomes "#".
 */
export function localHref(ctx: PageContext, url: string): string {
  if (url.startsWith(`${ctx.publicBaseUrl}/`)) return url.slice(ctx.publicBaseUrl.length);
  return /^https?:\/\//i.test(url) || (url.startsWith('/') && !url.startsWith('//')) ? url : '#';
}

export function publicUrl(ctx: PageContext, path: string): string {
  return `${ctx.publicBaseUrl}${path}`;
}

/** Shares and search engines show ~160 characters of a description. */
export function shorten(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

export function renderPage(ctx: PageContext, head: PageHead, main: HtmlValue, searchQuery = ''): Html {
  const t = READER_STRINGS[ctx.language];
  const live = { language: ctx.language, graphqlPath: ctx.graphqlPath, query: READER_ARTICLE_PUBLISHED, text: t.newArticle, publicBaseUrl: ctx.publicBaseUrl };
  return html`<!doctype html>
<html lang="${ctx.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${head.title}</title>
<meta name="description" content="${head.description}">
<link rel="canonical" href="${head.canonical}">
${(head.alternates ?? []).map((alt) => html`<link rel="alternate" hreflang="${alt.language}" href="${alt.href}">\n`)}<meta property="og:site_name" content="${SITE_NAME}">
<meta property="og:type" content="${head.ogType}">
<meta property="og:title" content="${head.title}">
<meta property="og:description" content="${head.description}">
<meta property="og:url" content="${head.canonical}">
<meta property="og:locale" content="${ctx.language}">
${head.image ? html`<meta property="og:image" content="${head.image}">\n` : ''}<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ctx.assetUrl('reader.css')}">
<script defer src="${ctx.assetUrl('graphql-ws.min.js')}"></script>
<script defer src="${ctx.assetUrl('live.js')}"></script>
</head>
<body>
<a class="skip" href="#main">${t.skipToContent}</a>
<header>
<a class="brand" href="/${ctx.language}">${SITE_NAME}</a>
<form role="search" action="/${ctx.language}/search" method="get">
<label for="q">${t.searchLabel}</label>
<input id="q" name="q" type="search" value="${searchQuery}" maxlength="200">
<button type="submit">${t.search}</button>
</form>
</header>
<div id="live" class="live" role="status" aria-live="polite"></div>
<main id="main">
${main}
</main>
<footer>
<nav aria-label="${t.languages}"><ul class="languages">${SUPPORTED_LANGUAGES.map((code) =>
    html`<li><a href="/${code}" lang="${code}" hreflang="${code}"${code === ctx.language ? html` aria-current="true"` : ''}>${LANGUAGES[code].name}</a></li>`,
  )}</ul></nav>
</footer>
<script type="application/json" id="habari-live">${jsonScriptContent(live)}</script>
</body>
</html>
`;
}

/** One article in a list: headline link, date and reading time. */
export interface ArticleCard {
  title: string;
  url: string;
  language: string;
  publishedAt?: string | null;
  publishedAtText?: string | null;
  readingTime: { text: string };
  standfirst?: string | null;
}

export function renderCard(ctx: PageContext, card: ArticleCard, extra: HtmlValue = null): Html {
  return html`<li lang="${card.language}"><a href="${localHref(ctx, card.url)}">${card.title}</a>${extra}
<p class="meta">${renderMeta(card)}</p>${card.standfirst ? html`<p>${shorten(card.standfirst, 200)}</p>` : ''}</li>
`;
}

export function renderMeta(card: Pick<ArticleCard, 'publishedAt' | 'publishedAtText' | 'readingTime'>): Html {
  return html`${card.publishedAtText ? html`<time datetime="${card.publishedAt ?? ''}">${card.publishedAtText}</time> · ` : ''}${card.readingTime.text}`;
}
