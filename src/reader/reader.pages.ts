import { LANGUAGES, SUPPORTED_LANGUAGES } from '../languages/language.catalogue';
import { html, trustedHtml, type Html } from './reader.html';
import { localHref, publicUrl, renderCard, renderMeta, renderPage, shorten, SITE_NAME, type ArticleCard, type PageContext } from './reader.layout';
import { READER_STRINGS } from './reader.strings';

interface Connection<T> {
  totalCount?: number;
  edges: Array<{ node: T }>;
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
}

export interface HomeData {
  latest: Connection<ArticleCard>;
  categories: Array<{ name: string; slug: string; articles: Connection<ArticleCard> }>;
}

export function renderHomePage(ctx: PageContext, data: HomeData): Html {
  const t = READER_STRINGS[ctx.language];
  const sections = data.categories.filter((category) => category.articles.edges.length > 0);
  const main = html`<h1 class="visually-hidden">${SITE_NAME}: ${t.tagline}</h1>
<section aria-labelledby="latest"><h2 id="latest">${t.latest}</h2>
<ul class="cards">${data.latest.edges.map(({ node }) => renderCard(ctx, node))}</ul></section>
${sections.length ? html`<nav aria-label="${t.categories}"><ul class="sections">${sections.map((c) => html`<li><a href="/${ctx.language}/${encodeURIComponent(c.slug)}">${c.name}</a></li>`)}</ul></nav>` : ''}
${sections.map(
  (category, index) => html`<section aria-labelledby="c${index}"><h2 id="c${index}"><a href="/${ctx.language}/${encodeURIComponent(category.slug)}">${category.name}</a></h2>
<ul class="cards">${category.articles.edges.map(({ node }) => renderCard(ctx, { ...node, standfirst: null }))}</ul></section>
`,
)}`;
  return renderPage(
    ctx,
    {
      title: `${SITE_NAME} · ${t.tagline}`,
      description: t.tagline,
      canonical: publicUrl(ctx, `/${ctx.language}`),
      ogType: 'website',
      alternates: SUPPORTED_LANGUAGES.map((code) => ({ language: code, href: publicUrl(ctx, `/${code}`) })),
    },
    main,
  );
}

export interface CategoryData {
  name: string;
  slug: string;
  articles: Connection<ArticleCard & { standfirst?: string | null }>;
}

export function renderCategoryPage(ctx: PageContext, category: CategoryData, after: string | null): Html {
  const t = READER_STRINGS[ctx.language];
  const path = `/${ctx.language}/${encodeURIComponent(category.slug)}`;
  const { pageInfo } = category.articles;
  const main = html`<nav aria-label="breadcrumb" class="crumbs"><a href="/${ctx.language}">${SITE_NAME}</a></nav>
<h1>${category.name}</h1>
<ul class="cards">${category.articles.edges.map(({ node }) => renderCard(ctx, node))}</ul>
${pageInfo?.hasNextPage && pageInfo.endCursor ? html`<p class="pager"><a rel="next" href="${path}?after=${encodeURIComponent(pageInfo.endCursor)}">${t.older} →</a></p>` : ''}`;
  return renderPage(
    ctx,
    {
      title: `${category.name} · ${SITE_NAME}`,
      description: shorten(`${category.name}: ${category.articles.edges.map(({ node }) => node.title).slice(0, 3).join(' · ')}`),
      canonical: publicUrl(ctx, after ? `${path}?after=${encodeURIComponent(after)}` : path),
      ogType: 'website',
    },
    main,
  );
}

export interface ArticleData extends ArticleCard {
  standfirst: string | null;
  category: { name: string; slug: string } | null;
  source: { name: string; url: string | null } | null;
  leadImage: { url: string | null; alt: string | null; caption: string | null; credit: string | null; width: number | null; height: number | null } | null;
  body: Array<{ type: 'PARAGRAPH' | 'SUBHEADING' | 'QUOTE'; text: string }>;
  readMore: Array<{ kind: string; title: string; url: string }>;
  related: Array<{ article: ArticleCard }>;
  next: { title: string; url: string } | null;
  previous: { title: string; url: string } | null;
}

export function renderArticlePage(ctx: PageContext, article: ArticleData): Html {
  const t = READER_STRINGS[ctx.language];
  const image = article.leadImage;
  const imageSrc = image?.url ? sameSiteImage(ctx, image.url) : null;
  const firstParagraph = article.body.find((block) => block.type === 'PARAGRAPH')?.text ?? '';
  const main = html`<nav aria-label="breadcrumb" class="crumbs"><a href="/${ctx.language}">${SITE_NAME}</a>${
    article.category ? html` › <a href="/${article.language}/${encodeURIComponent(article.category.slug)}">${article.category.name}</a>` : ''
  }</nav>
<article lang="${article.language}">
<h1>${article.title}</h1>
${article.standfirst ? html`<p class="standfirst">${article.standfirst}</p>` : ''}
<p class="meta">${renderMeta(article)}${article.source ? html` · ${article.source.name}` : ''}</p>
${image && (image.caption || image.credit || imageSrc) ? html`<figure>
${imageSrc ? html`<img src="${imageSrc}" alt="${image.alt ?? image.caption ?? ''}"${image.width && image.height ? html` width="${image.width}" height="${image.height}"` : ''} loading="lazy" decoding="async">` : ''}
<figcaption>${image.caption ?? ''}${image.credit ? html` <span class="credit">${t.photo}: ${image.credit}</span>` : ''}${
      image.url && !imageSrc ? html` <a href="${localHref(ctx, image.url)}" rel="noopener">${t.photo} ↗</a>` : ''
    }</figcaption>
</figure>` : ''}
${article.body.map((block) =>
  block.type === 'SUBHEADING' ? html`<h2>${block.text}</h2>\n` : block.type === 'QUOTE' ? html`<blockquote><p>${block.text}</p></blockquote>\n` : html`<p>${block.text}</p>\n`,
)}
${article.source ? html`<p class="source">${t.source}: ${article.source.url ? html`<a href="${localHref(ctx, article.source.url)}" rel="noopener">${article.source.name}</a>` : article.source.name}</p>` : ''}
</article>
${article.readMore.length ? html`<section aria-labelledby="read-more"><h2 id="read-more">${t.readMore}</h2>
<ul class="links">${article.readMore.map((link) => html`<li><a href="${localHref(ctx, link.url)}">${link.title}</a></li>`)}</ul></section>` : ''}
${article.related.length ? html`<section aria-labelledby="related"><h2 id="related">${t.related}</h2>
<ul class="cards">${article.related.map(({ article: card }) => renderCard(ctx, card))}</ul></section>` : ''}
${article.previous || article.next ? html`<nav class="pager" aria-label="${t.previous} / ${t.next}">${
    article.previous ? html`<a rel="prev" href="${localHref(ctx, article.previous.url)}"><span>← ${t.previous}</span> ${article.previous.title}</a>` : ''
  }${article.next ? html`<a rel="next" href="${localHref(ctx, article.next.url)}"><span>${t.next} →</span> ${article.next.title}</a>` : ''}</nav>` : ''}`;
  return renderPage(
    ctx,
    {
      title: `${article.title} · ${SITE_NAME}`,
      description: shorten(article.standfirst || firstParagraph || article.title),
      canonical: article.url,
      ogType: 'article',
      image: image?.url && /^https?:\/\//.test(image.url) ? image.url : imageSrc ? publicUrl(ctx, imageSrc) : null,
    },
    main,
  );
}

/**
 * Only images on this site are embedded: a page must make no request to
 * another host. Elsewhere, the caption links to the picture instead.
 */
function sameSiteImage(ctx: PageContext, url: string): string | null {
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  const local = localHref(ctx, url);
  return local !== url ? local : null;
}

export interface SearchData {
  totalCount: number;
  edges: Array<{ node: { snippet: string; article: ArticleCard } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** `problem` is the hint shown instead of results when the text cannot be searched. */
export function renderSearchPage(ctx: PageContext, query: string, data: SearchData | null, problem: string | null): Html {
  const t = READER_STRINGS[ctx.language];
  const path = `/${ctx.language}/search`;
  const results = data
    ? html`<p class="count">${t.results(data.totalCount)}</p>
${data.edges.length ? '' : html`<p>${t.noResults}</p>`}
<ul class="cards results">${data.edges.map(({ node }) =>
        // The API escapes the snippet's text itself and adds only <mark> elements.
        renderCard(ctx, node.article, html`<p class="snippet">${trustedHtml(node.snippet)}</p>`),
      )}</ul>
${data.pageInfo.hasNextPage && data.pageInfo.endCursor
  ? html`<p class="pager"><a rel="next" href="${path}?q=${encodeURIComponent(query)}&amp;after=${encodeURIComponent(data.pageInfo.endCursor)}">${t.older} →</a></p>`
  : ''}`
    : html`<p>${problem ?? t.searchHint}</p>`;
  return renderPage(
    ctx,
    {
      title: `${query ? `${query} · ` : ''}${t.search} · ${SITE_NAME}`,
      description: t.searchLabel,
      canonical: publicUrl(ctx, query ? `${path}?q=${encodeURIComponent(query)}` : path),
      ogType: 'website',
    },
    html`<h1>${t.search}</h1>\n${results}`,
    query,
  );
}

export function renderMessagePage(ctx: PageContext, kind: 'notFound' | 'error'): Html {
  const t = READER_STRINGS[ctx.language];
  const title = kind === 'notFound' ? t.notFoundTitle : t.errorTitle;
  const body = kind === 'notFound' ? t.notFoundBody : t.errorBody;
  return renderPage(
    ctx,
    { title: `${title} · ${SITE_NAME}`, description: body, canonical: publicUrl(ctx, `/${ctx.language}`), ogType: 'website' },
    html`<h1>${title}</h1>\n<p>${body}</p>\n<p><a href="/${ctx.language}">${SITE_NAME} · ${LANGUAGES[ctx.language].name}</a></p>`,
  );
}
