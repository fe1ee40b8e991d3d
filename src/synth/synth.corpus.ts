import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { SUPPORTED_LANGUAGES, type LanguageCode } from '../languages/language.catalogue';
import { DEMO_FILES } from '../seeding/demo.catalogue';

/** One shipped sample article, split into sentences: what synthetic articles are made from. */
export interface BaseArticle {
  language: LanguageCode;
  /** The MasakhaNEWS topic label (business, sports, ...). */
  category: string;
  headline: string;
  sentences: string[];
}

const SENTENCE_END = /(?<=[.!?።])\s+/u;

/** Every MasakhaNEWS row of the six demo files (corpus/), split into sentences, in catalogue order. */
export function loadBaseArticles(corpusDirectory: string): BaseArticle[] {
  return SUPPORTED_LANGUAGES.flatMap((language) => {
    const file = DEMO_FILES.find((demo) => demo.language === language);
    if (!file) return [];
    const rows: Record<string, string>[] = parse(readFileSync(join(corpusDirectory, file.file), 'utf8'), {
      delimiter: '\t',
      columns: true,
      quote: '"',
      skip_empty_lines: true,
    });
    return rows.map((row) => ({
      language,
      category: row.category,
      headline: row.headline,
      sentences: row.text.split(SENTENCE_END).filter((sentence) => sentence.trim().length > 0),
    }));
  });
}
