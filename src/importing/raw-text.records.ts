import { ArticleStatus } from '../articles/article.enums';
import type { LanguageCode } from '../languages/language.catalogue';
import { parseArticleText } from './article-text.parser';
import type { DraftRecord } from './import.types';

export interface RawTextOptions {
  language?: LanguageCode;
  publish?: boolean;
  /** Used when the page names no source line. */
  sourceName?: string | null;
}

/** One page of article text (the seed format) as an import record. */
export function rawTextRecord(file: string, text: string, options: RawTextOptions = {}): DraftRecord {
  const outcome = parseArticleText(text, { language: options.language });
  if (!outcome.ok) return { ref: { file, line: outcome.line }, error: outcome.reason };
  const a = outcome.article;
  const sourceName = a.sourceName ?? options.sourceName ?? null;
  const notes = [...outcome.warnings];
  if (options.publish && a.publishedAt === null) notes.push('published without a printed calendar date: publishedAt is the time of this import');
  return {
    ref: { file, line: 1 },
    notes,
    draft: {
      language: a.language,
      title: a.title,
      standfirst: a.standfirst,
      body: a.body,
      status: options.publish ? ArticleStatus.PUBLISHED : ArticleStatus.DRAFT,
      publishedAt: a.publishedAt,
      readingTimeMinutes: a.readingTimeMinutes,
      category: a.categoryName ? { name: a.categoryName } : null,
      source: sourceName ? { name: sourceName } : null,
      leadImage: a.leadImage,
      inlineImages: a.inlineImages,
      tags: [],
    },
  };
}
