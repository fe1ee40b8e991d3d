import type { ArticleDraft } from '../articles/article.draft';
import type { PreparedDraft } from '../articles/article.prepare';

/** Where a record came from, so a failure can name the file and line to fix. */
export interface RecordRef {
  file: string;
  line: number;
}

/** A draft to write, one already prepared (checked and measured, see prepared-records.ts), or why a record could not be read. */
export type ImportRecord = DraftRecord | { ref: RecordRef; prepared: PreparedDraft };
/**
 * What the readers (TSV, page text) produce: a draft, or why a record could
 * not be read. `notes` say what the reader decided on its own (language
 * identified from the text, a relative date not used), for the editor to check.
 */
export type DraftRecord = { ref: RecordRef; draft: ArticleDraft; notes?: readonly string[] } | { ref: RecordRef; error: string };

export interface ImportFailure extends RecordRef {
  reason: string;
}

/** Something the importer decided about a written record that the editor should know. */
export interface ImportNote extends RecordRef {
  message: string;
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  failures: ImportFailure[];
  /** About records that were written; none for records that failed or were rolled back. */
  notes: ImportNote[];
  elapsedMs: number;
  articlesPerSecond: number;
  /** A strict import failed and wrote nothing: `failed` counts every record, `failures` the bad ones. */
  rolledBack: boolean;
}

export type ImportProgress = (done: number) => void;
