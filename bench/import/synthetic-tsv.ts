import fs from 'node:fs';
import { once } from 'node:events';
import { readTsvRows, type TsvRow } from '../../src/importing/tsv.reader';

export type CorpusRow = Pick<TsvRow, 'category' | 'headline' | 'text' | 'url'>;

/** The rows of a corpus TSV file, each url once (a few MasakhaNEWS rows repeat). */
export async function readCorpusRows(file: string): Promise<CorpusRow[]> {
  const rows: CorpusRow[] = [];
  const seen = new Set<string>();
  for await (const row of readTsvRows(fs.createReadStream(file))) {
    if ('reason' in row) throw new Error(`${file}:${row.line}: ${row.reason}`);
    const key = row.url ?? `${row.headline}\n${row.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ category: row.category, headline: row.headline, text: row.text, url: row.url });
  }
  return rows;
}

/**
 * `count` rows cycling through `rows`: the first pass as they are, later
 * passes as copies with their own url and title, so every row is a distinct
 * article (distinct canonical URL, slug and content hash).
 */
export function* syntheticRows(rows: readonly CorpusRow[], count: number): Generator<CorpusRow> {
  for (let i = 0; i < count; i += 1) {
    const row = rows[i % rows.length];
    const copy = Math.floor(i / rows.length);
    if (copy === 0) yield row;
    else yield { ...row, headline: `${row.headline} (${copy + 1})`, url: row.url && `${row.url}${row.url.includes('?') ? '&' : '?'}copy=${copy + 1}` };
  }
}

/** One TSV line: fields with a tab, quote or line break are quoted, quotes doubled. */
export function tsvLine(fields: ReadonlyArray<string | null>): string {
  return fields.map((field) => (field != null && /[\t"\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field ?? '')).join('\t') + '\n';
}

/** Writes rows as a MasakhaNEWS-style TSV file, streaming (memory stays flat for any count). */
export async function writeTsv(file: string, rows: Iterable<CorpusRow>): Promise<number> {
  const out = fs.createWriteStream(file);
  let written = 0;
  out.write(tsvLine(['category', 'headline', 'text', 'url']));
  for (const row of rows) {
    if (!out.write(tsvLine([row.category, row.headline, row.text, row.url]))) await once(out, 'drain');
    written += 1;
  }
  out.end();
  await once(out, 'finish');
  return written;
}
