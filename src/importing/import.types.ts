import type { ArticleDraft } from '../articles/article.draft';
import type { PreparedDraft } from '../articles/article.prepare';

/** Where a record came from, so a failure can name the file and line to fix. */
export interface RecordRef {
  file: string;
  line: number;
}

/** A draft to write, one already prepared (checked and measured, see prepared-records.ts), or why a record could not be read. */
export type ImportRecord = DraftRecord | { ref: RecordRef; prepared: PreparedDraft };
/** What the readers (TSV, page text) produce: a draft, or why a record could not be read. */
export type DraftRecord = { ref: RecordRef; draft: ArticleDraft } | { ref: RecordRef; error: string };

export interface ImportFailure extends RecordRef {
  reason: string;
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  failures: ImportFailure[];
  elapsedMs: number;
  articlesPerSecond: number;
  /** A strict import failed and wrote nothing: `failed` counts every record, `failures` the bad ones. */
  rolledBack: boolean;
}

export type ImportProgress = (done: number) => void;
