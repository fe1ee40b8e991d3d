import { ArticleStatus } from '../articles/article.enums';
import type { LanguageCode } from '../languages/language.catalogue';
import { toTitleCase } from './title-case';
import type { DraftRecord } from './import.types';
import { readTsvRows } from './tsv.reader';
import { tsvTextToBody } from './tsv-text';

export interface TsvOptions {
  language: LanguageCode;
  sourceName?: string | null;
  publish?: boolean;
  /** Publication time per row (0-based record index); the import time when absent. */
  publishedAt?: (index: number) => Date | null;
  /** Maps a category label from the file to the name to store (e.g. a localized topic name). */
  categoryName?: (label: string) => string;
  /** Leave categories out, e.g. to measure relatedness on text alone. */
  withoutCategories?: boolean;
  /** Resolves relative `url` values (MasakhaNEWS English has "/news/..."). */
  urlBase?: string | null;
  /** How the caller passes urlBase, for the error on a relative url (default: the CLI's option). */
  urlBaseHint?: string;
}

/** Streams a TSV file's rows as import records; a bad row becomes a failure, not a stop. */
export async function* tsvRecords(file: string, input: NodeJS.ReadableStream, options: TsvOptions): AsyncGenerator<DraftRecord> {
  let index = 0;
  for await (const row of readTsvRows(input)) {
    if ('reason' in row) {
      yield { ref: { file, line: row.line }, error: row.reason };
      continue;
    }
    const label = options.withoutCategories ? null : row.category?.trim() || null;
    const url = resolveUrl(row.url, options.urlBase ?? null, options.urlBaseHint ?? '--url-base (e.g. --url-base https://www.bbc.com)');
    if (url && 'error' in url) {
      yield { ref: { file, line: row.line }, error: url.error };
      continue;
    }
    yield {
      ref: { file, line: row.line },
      draft: {
        language: options.language,
        title: row.headline,
        body: tsvTextToBody(row.text),
        status: options.publish ? ArticleStatus.PUBLISHED : ArticleStatus.DRAFT,
        publishedAt: options.publishedAt?.(index) ?? null,
        canonicalUrl: url?.url ?? null,
        category: label ? { name: options.categoryName?.(label) ?? toTitleCase(label, options.language), slug: null } : null,
        source: options.sourceName ? { name: options.sourceName } : null,
        tags: [],
      },
    };
    index += 1;
  }
}

function resolveUrl(raw: string | null, base: string | null, baseHint: string): { url: string } | { error: string } | null {
  const value = raw?.trim();
  if (!value) return null;
  try {
    return { url: new URL(value, base ?? undefined).toString() };
  } catch {
    return base
      ? { error: `url "${value}" is not a valid URL` }
      : { error: `url "${value}" is relative: pass the site it belongs to with ${baseHint}` };
  }
}
