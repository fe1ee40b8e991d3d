import type { Article } from '../articles/article.entity';
import { ArticleStatus } from '../articles/article.enums';
import type { ArticleListFilter } from '../articles/article.list-sql';
import type { ArticleRepository } from '../articles/article.repository';
import { Errors } from '../errors/error.catalogue';
import { assertLanguage, type LanguageCode } from '../languages/language.catalogue';
import { toConnection } from '../pagination/connection';
import { decodeCursor, encodeCursor } from '../pagination/cursor';
import { pageSize } from '../pagination/page-request';
import { SearchQueryError } from './search.errors';
import { parseSearchQuery } from './search.query';
import type { RankedId, SearchRepository } from './search.repository';
import { buildSnippet } from './search.snippet';
import type { SearchConnection } from './search.types';

export const DEFAULT_SEARCH_PAGE = 10;
export const MAX_SEARCH_PAGE = 50;
/** Relevance order cannot be keyset-paged; cursors are positions in the result list. */
const CURSOR_ORDER = 'RELEVANCE';
/** Deep relevance pages are never useful and cost a sort of everything before them. */
const MAX_SEARCH_OFFSET = 1000;

export class SearchService {
  constructor(
    private readonly index: SearchRepository,
    private readonly articles: ArticleRepository,
  ) {}

  async search(query: string, language: string | null, filter: ArticleListFilter, first: number | null, after: string | null): Promise<SearchConnection> {
    assertLanguage(language);
    assertLanguage(filter.language);
    if (filter.status != null && filter.status !== ArticleStatus.PUBLISHED) {
      throw Errors.invalidArgument('filter.status', 'can only be PUBLISHED here: search covers published articles; list drafts with `articles(filter: { status })`.');
    }
    const size = pageSize('first', first, DEFAULT_SEARCH_PAGE, MAX_SEARCH_PAGE);
    let offset = 0;
    if (after != null) {
      const cursor = decodeCursor(after, CURSOR_ORDER);
      if (!cursor) throw Errors.invalidCursor('after');
      offset = cursor.value;
    }
    if (offset > MAX_SEARCH_OFFSET) throw Errors.invalidArgument('after', `goes past the first ${MAX_SEARCH_OFFSET} results: refine the search instead.`);

    let terms: string[];
    try {
      terms = parseSearchQuery(query, (language ?? filter.language ?? undefined) as LanguageCode | undefined).terms;
    } catch (error) {
      if (error instanceof SearchQueryError) throw Errors.searchQuery(error.reason, error.message);
      throw error;
    }
    const scoped: ArticleListFilter = { ...filter, language: language ?? filter.language ?? null };
    const rows = size === 0 ? [] : await this.load(await this.index.rank(terms, scoped, size + 1, offset));
    const hits = rows.slice(0, size);
    const edges = hits.map((row, index) => ({
      cursor: encodeCursor({ order: CURSOR_ORDER, value: offset + index + 1, id: row.article.id }),
      node: { article: row.article, score: row.score, snippet: snippetFor(row.article, terms) },
    }));
    return toConnection(edges, { hasNextPage: rows.length > size, hasPreviousPage: offset > 0 }, () => this.index.count(terms, scoped));
  }

  /** The ranked articles in rank order (bodies included: snippets quote them). */
  private async load(ranked: readonly RankedId[]): Promise<Array<{ article: Article; score: number }>> {
    const articles = new Map((await this.articles.findByIds(ranked.map(({ id }) => id))).map((article) => [article.id, article]));
    return ranked.flatMap(({ id, score }) => {
      const article = articles.get(id);
      return article ? [{ article, score }] : [];
    });
  }
}

/** Body excerpt around the matches; the title when only the title matched. */
function snippetFor(article: { title: string; bodyText: string }, terms: string[]): string {
  const fromBody = buildSnippet(article.bodyText, terms);
  return fromBody.includes('<mark>') ? fromBody : buildSnippet(article.title, terms);
}
