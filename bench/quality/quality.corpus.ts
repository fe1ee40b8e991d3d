import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { LanguageCode } from '../../src/languages/language.catalogue';

export interface CorpusArticle {
  /** Ground truth only: never shown to the ranking. */
  category: string;
  headline: string;
  text: string;
}

/** MasakhaNEWS file names use ISO 639-3 codes. */
export const CORPUS_FILES: Readonly<Record<LanguageCode, string>> = {
  sw: 'masakhanews-swa-dev.tsv',
  en: 'masakhanews-eng-dev.tsv',
  ha: 'masakhanews-hau-dev.tsv',
  fr: 'masakhanews-fra-dev.tsv',
  am: 'masakhanews-amh-dev.tsv',
  so: 'masakhanews-som-dev.tsv',
};

/** Tab-separated, header line, fields quoted with " when they hold tabs, quotes or newlines. */
export function loadCorpus(directory: string, language: LanguageCode): CorpusArticle[] {
  const rows: Record<string, string>[] = parse(readFileSync(join(directory, CORPUS_FILES[language]), 'utf8'), {
    delimiter: '\t',
    columns: true,
    quote: '"',
    skip_empty_lines: true,
  });
  return rows.map((row) => ({ category: row.category, headline: row.headline, text: row.text }));
}
