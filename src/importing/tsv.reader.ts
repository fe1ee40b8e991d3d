import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';

export interface TsvRow {
  /** 1-based line where the record starts in the file (multi-line fields make it differ from the record index). */
  line: number;
  headline: string;
  text: string;
  category: string | null;
  url: string | null;
}

export interface TsvRowError {
  line: number;
  reason: string;
}

/** Accepted header names per field, compared case-insensitively. */
const COLUMN_NAMES = {
  headline: ['headline', 'title'],
  text: ['text', 'body'],
  category: ['category'],
  url: ['url'],
} as const;

type Field = keyof typeof COLUMN_NAMES;
type Columns = { width: number; names: string[] } & { [F in Field]: number };

type TsvRecord = { line: number; fields: string[] } | TsvRowError;

const LINE_BREAK = /\r\n|\r|\n/g;
const countLineBreaks = (text: string) => text.match(LINE_BREAK)?.length ?? 0;
const leadingLineBreaks = (text: string) => countLineBreaks(/^[\r\n]*/.exec(text)?.[0] ?? '');

/**
 * Records of a tab-separated stream with the line each one starts on.
 * csv-parse reports the line a record ends on, so the start is counted here
 * from each record's raw text (which also carries the blank lines skipped
 * before it). csv-parse reports skipped (broken) records through a callback,
 * out of step with the records it has queued; each skip is tagged with the
 * record count at that moment and put back in order.
 */
async function* tsvRecords(input: NodeJS.ReadableStream, firstLine: number): AsyncGenerator<TsvRecord> {
  const skipped: { afterRecords: number; error: CsvError | undefined; raw: string }[] = [];
  const parser = parse({
    delimiter: '\t',
    bom: true,
    raw: true,
    // A quote inside an unquoted field is text ("the ""Lion"" of Kano" needs no quoting in TSV).
    relax_quotes: true,
    // Column counts are checked against the header below, with a message that names the columns.
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error, raw) => {
      skipped.push({ afterRecords: parser.info.records, error, raw: raw ?? '' });
      return undefined;
    },
  });
  let linesBefore = firstLine - 1;
  const startLine = (raw: string) => {
    const line = linesBefore + leadingLineBreaks(raw) + 1;
    linesBefore += countLineBreaks(raw);
    return line;
  };

  async function* reportSkip(skip: (typeof skipped)[number]): AsyncGenerator<TsvRecord> {
    const line = startLine(skip.raw);
    if (skip.error?.code !== 'CSV_QUOTE_NOT_CLOSED') {
      yield { line, reason: `malformed row: ${skip.error?.message ?? 'csv-parse skipped it'}` };
      return;
    }
    yield { line, reason: `a field opens a quote (") on line ${line} that never closes; close it or double it ("") if it is part of the text` };
    // The open quote swallowed the rest of the file; read what follows its first line again.
    const body = skip.raw.replace(/^[\r\n]+/, '');
    const firstBreak = /\r\n|\r|\n/.exec(body);
    if (firstBreak) yield* tsvRecords(Readable.from([body.slice(firstBreak.index + firstBreak[0].length)]), line + 1);
  }

  input.on('error', (error: Error) => parser.destroy(error));
  input.pipe(parser);
  let finished = false;
  try {
    let emitted = 0;
    for await (const chunk of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      emitted += 1;
      while (skipped.length > 0 && skipped[0].afterRecords < emitted) yield* reportSkip(skipped.shift()!);
      yield { line: startLine(chunk.raw), fields: chunk.record };
    }
    while (skipped.length > 0) yield* reportSkip(skipped.shift()!);
    finished = true;
  } finally {
    if (!finished) {
      // The caller stopped early: stop reading its stream rather than leave it open and paused.
      input.unpipe(parser);
      (input as Partial<Readable>).destroy?.();
    }
  }
}

function matchColumns(header: string[]): Columns | TsvRowError {
  const names = header.map((name) => name.replace(/^\uFEFF/, '').trim().toLowerCase());
  const find = (field: Field) => {
    for (const alias of COLUMN_NAMES[field]) {
      const index = names.indexOf(alias);
      if (index !== -1) return index;
    }
    return -1;
  };
  const columns: Columns = {
    width: names.length,
    names,
    headline: find('headline'),
    text: find('text'),
    category: find('category'),
    url: find('url'),
  };
  const missing = (['headline', 'text'] as const).filter((field) => columns[field] === -1);
  if (missing.length === 0) return columns;
  const wanted = missing.map((field) => `"${field}" (or "${COLUMN_NAMES[field][1]}")`).join(' and ');
  const found = names.filter((name) => name !== '').join(', ') || 'none';
  return { line: 1, reason: `the header has no ${wanted} column; columns found: ${found}` };
}

function toRow(line: number, fields: string[], columns: Columns): TsvRow | TsvRowError {
  const extraFilled = fields.slice(columns.width).some((field) => field.trim() !== '');
  if (fields.length < columns.width || extraFilled) {
    return {
      line,
      reason: `expected ${columns.width} tab-separated fields (${columns.names.join(', ')}), found ${fields.length}; look for a stray tab or an unbalanced quote`,
    };
  }
  const optional = (index: number) => (index === -1 ? null : fields[index].trim() || null);
  const headline = fields[columns.headline].replace(/\s+/g, ' ').trim();
  const text = fields[columns.text];
  const empty = [headline === '' ? 'headline' : null, text.trim() === '' ? 'text' : null].filter(Boolean);
  if (empty.length > 0) return { line, reason: `empty ${empty.join(' and ')}` };
  return { line, headline, text, category: optional(columns.category), url: optional(columns.url) };
}

/**
 * Streams the rows of a MasakhaNEWS-style TSV file (header line, columns
 * found by name in any order). Memory stays flat however large the file: one
 * record is held at a time. A bad row comes back as a TsvRowError with its
 * line and the reading goes on; a header without the needed columns is one
 * error for line 1 and nothing else. Tell the two apart with `'reason' in x`.
 */
export async function* readTsvRows(input: NodeJS.ReadableStream): AsyncGenerator<TsvRow | TsvRowError> {
  let columns: Columns | null = null;
  for await (const record of tsvRecords(input, 1)) {
    if ('reason' in record) {
      yield record;
      continue;
    }
    // A line of only spaces is a blank line to a reader, not a row with missing fields.
    if (record.fields.every((field) => field.trim() === '')) continue;
    if (columns === null) {
      const matched = matchColumns(record.fields);
      if ('reason' in matched) {
        yield { line: record.line, reason: matched.reason };
        return;
      }
      columns = matched;
      continue;
    }
    yield toRow(record.line, record.fields, columns);
  }
  if (columns === null) yield { line: 1, reason: 'the file has no header line: expected column names such as category, headline, text, url' };
}
