import { Readable } from 'node:stream';
import type { Article } from '../articles/article.entity';
import type { ArticleWriteRepository, WriteActor, WriteTx } from '../articles/article-write.repository';
import type { ArticleChange, ArticleWriteService } from '../articles/article-write.service';
import { assertLanguage } from '../languages/language.catalogue';
import { Errors } from '../errors/error.catalogue';
import { SUPPORTED_LANGUAGES, type LanguageCode } from '../languages/language.catalogue';
import type { ImportFailure, ImportNote, ImportProgress, ImportRecord, ImportSummary } from './import.types';
import { rawTextRecord } from './raw-text.records';
import { tsvRecords } from './tsv.records';

export interface ImportOptions {
  /** Articles per transaction: larger chunks are faster, smaller ones lose less work to a crash. */
  chunkSize?: number;
  /** All-or-nothing: any failure rolls back every article of this import. */
  strict?: boolean;
  /** Called with the number of records handled so far, every chunk (in strict mode: read, not yet committed). */
  onProgress?: ImportProgress;
  /** Stop collecting failure details after this many (the count keeps going). */
  maxReportedFailures?: number;
  /** Hears every written (or unchanged) article once its chunk has committed. */
  onWritten?: (change: ArticleChange) => void;
  /** The key the import writes for (importArticle); none for the command line. */
  actor?: WriteActor | null;
}

/** Larger corpora go through `habari import`, which streams from disk. */
export const MAX_IMPORT_TEXT_BYTES = 5 * 1024 * 1024;

export interface TextImport {
  text: string;
  /** RAW: one article as its page shows it; TSV: a whole TSV document with its header line. */
  format: 'RAW' | 'TSV';
  /** Detected from the page for RAW when absent; required for TSV. */
  language?: string | null;
  publish?: boolean;
  /** TSV: the site relative `url` values belong to. */
  urlBase?: string | null;
  actor?: WriteActor | null;
}

export interface TextImportResult extends ImportSummary {
  /** Every article the text named, written or unchanged, in input order. */
  articles: Article[];
}

/** What one transaction did; added to the summary only once it committed (or was rolled back). */
interface ChunkOutcome {
  records: number;
  created: number;
  updated: number;
  unchanged: number;
  failures: ImportFailure[];
  notes: ImportNote[];
  changes: ArticleChange[];
  rolledBack: boolean;
}

/**
 * Streams records into the database. Each article is written in its own
 * savepoint (with its category, source and images), so a bad record never
 * takes good ones down; chunks of articles share one commit, which is what
 * makes bulk import fast. Records are read inside the chunk's transaction,
 * one at a time, so memory stays flat even for a strict (single-transaction)
 * import. A crash loses at most the open chunk, and because writes are
 * idempotent, running the same import again completes it.
 */
export class ImportService {
  constructor(
    private readonly writes: ArticleWriteRepository,
    private readonly writer: ArticleWriteService,
  ) {}

  async run(records: AsyncIterable<ImportRecord> | Iterable<ImportRecord>, options: ImportOptions = {}): Promise<ImportSummary> {
    const started = Date.now();
    const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, failed: 0, failures: [], notes: [], elapsedMs: 0, articlesPerSecond: 0, rolledBack: false };
    const source = new RecordSource(records);
    try {
      let done = 0;
      for (let first = await source.pull(); first; first = await source.pull()) {
        const chunk = await this.writeChunk(first, source, options, done);
        addToSummary(summary, chunk, options.maxReportedFailures ?? 1000);
        for (const change of chunk.changes) options.onWritten?.(change);
        done += chunk.records;
        options.onProgress?.(done);
      }
    } finally {
      await source.close();
    }
    summary.elapsedMs = Date.now() - started;
    const written = summary.created + summary.updated + summary.unchanged;
    summary.articlesPerSecond = summary.elapsedMs > 0 ? Math.round((written * 1000) / summary.elapsedMs) : written;
    return summary;
  }

  /**
   * Imports text sent by an editor (the importArticle mutation): checks what
   * can be checked up front as BAD_USER_INPUT, then runs the usual import,
   * so a bad record is a failure with its line and a good one is written whole.
   */
  async importText(request: TextImport): Promise<TextImportResult> {
    const bytes = Buffer.byteLength(request.text, 'utf8');
    if (bytes > MAX_IMPORT_TEXT_BYTES) {
      throw Errors.invalidArgument(
        'text',
        `is ${(bytes / 1024 / 1024).toFixed(1)} MB; send at most ${MAX_IMPORT_TEXT_BYTES / 1024 / 1024} MB at once: split the file, or import it with \`habari import\`.`,
      );
    }
    const language = request.language?.trim() || null;
    assertLanguage(language);
    const file = 'text';
    let records: Iterable<ImportRecord> | AsyncIterable<ImportRecord>;
    if (request.format === 'TSV') {
      if (!language) throw Errors.invalidArgument('language', `is required for TSV: the file does not say its language; pass one of ${SUPPORTED_LANGUAGES.join(', ')}.`);
      const urlBase = request.urlBase?.trim() || null;
      if (urlBase && !/^https?:\/\/[^/]/i.test(urlBase)) {
        throw Errors.invalidArgument('urlBase', `"${urlBase}" is not an absolute http(s) URL; pass the site's address, e.g. https://www.bbc.com.`);
      }
      records = tsvRecords(file, Readable.from([request.text]), {
        language: language as LanguageCode,
        publish: request.publish,
        urlBase,
        urlBaseHint: 'the urlBase argument (e.g. urlBase: "https://www.bbc.com")',
      });
    } else {
      records = [rawTextRecord(file, request.text, { language: (language as LanguageCode | null) ?? undefined, publish: request.publish })];
    }
    const articles: Article[] = [];
    const summary = await this.run(records, { onWritten: (change) => articles.push(change.article), actor: request.actor });
    return { ...summary, articles };
  }

  /** One transaction: `first`, then records pulled from `source` up to the chunk size (all of them when strict). */
  private async writeChunk(first: ImportRecord, source: RecordSource, options: ImportOptions, doneBefore: number): Promise<ChunkOutcome> {
    const strict = options.strict === true;
    const chunkSize = options.chunkSize ?? 500;
    const chunk: ChunkOutcome = { records: 0, created: 0, updated: 0, unchanged: 0, failures: [], notes: [], changes: [], rolledBack: false };
    try {
      await this.writes.transaction(async (tx) => {
        for (let record: ImportRecord | null = first; record; record = strict || chunk.records < chunkSize ? await source.pull() : null) {
          await this.writeRecord(tx, record, chunk, options.onWritten != null);
          if (strict && chunk.records % chunkSize === 0) options.onProgress?.(doneBefore + chunk.records);
        }
        if (strict && chunk.failures.length > 0) throw new StrictImportRollback();
      }, { actor: options.actor });
    } catch (error) {
      if (!(error instanceof StrictImportRollback)) throw error;
      return { ...chunk, created: 0, updated: 0, unchanged: 0, notes: [], changes: [], rolledBack: true };
    }
    return chunk;
  }

  private async writeRecord(tx: WriteTx, record: ImportRecord, chunk: ChunkOutcome, keepChanges: boolean): Promise<void> {
    chunk.records += 1;
    if ('error' in record) {
      chunk.failures.push({ ...record.ref, reason: record.error });
      return;
    }
    try {
      const change = await tx.savepoint(() => ('prepared' in record ? this.writer.upsertPrepared(tx, record.prepared) : this.writer.upsert(tx, record.draft)));
      if (change.outcome !== 'deleted') chunk[change.outcome] += 1;
      if ('notes' in record && record.notes) chunk.notes.push(...record.notes.map((message) => ({ ...record.ref, message })));
      if (keepChanges) chunk.changes.push(change);
    } catch (error) {
      chunk.failures.push({ ...record.ref, reason: describe(error) });
    }
  }
}

function addToSummary(summary: ImportSummary, chunk: ChunkOutcome, maxReportedFailures: number): void {
  summary.created += chunk.created;
  summary.updated += chunk.updated;
  summary.unchanged += chunk.unchanged;
  // A rolled-back chunk wrote nothing: every record in it failed; the bad ones say why.
  summary.failed += chunk.rolledBack ? chunk.records : chunk.failures.length;
  summary.rolledBack ||= chunk.rolledBack;
  summary.failures.push(...chunk.failures.slice(0, Math.max(0, maxReportedFailures - summary.failures.length)));
  summary.notes.push(...chunk.notes.slice(0, Math.max(0, maxReportedFailures - summary.notes.length)));
}

/** Records pulled one at a time, across transactions; closes the source (its file) if the import stops early. */
class RecordSource {
  private readonly iterator: AsyncIterator<ImportRecord> | Iterator<ImportRecord>;
  private ended = false;

  constructor(records: AsyncIterable<ImportRecord> | Iterable<ImportRecord>) {
    this.iterator = Symbol.asyncIterator in records ? records[Symbol.asyncIterator]() : records[Symbol.iterator]();
  }

  async pull(): Promise<ImportRecord | null> {
    if (this.ended) return null;
    const next = await this.iterator.next();
    this.ended = next.done === true;
    return next.done ? null : next.value;
  }

  async close(): Promise<void> {
    if (!this.ended) await this.iterator.return?.();
    this.ended = true;
  }
}

class StrictImportRollback extends Error {
  constructor() {
    super('strict import rolled back');
  }
}

/** Catalogue errors (BAD_USER_INPUT) already say what to fix; driver errors say what failed. */
function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
