import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { readTsvRows, type TsvRow, type TsvRowError } from './tsv.reader';

const CORPUS = join(__dirname, '..', '..', 'corpus');

async function collect(input: NodeJS.ReadableStream): Promise<(TsvRow | TsvRowError)[]> {
  const out: (TsvRow | TsvRowError)[] = [];
  for await (const item of readTsvRows(input)) out.push(item);
  return out;
}

const fromText = (text: string) => collect(Readable.from([text]));
const isError = (item: TsvRow | TsvRowError): item is TsvRowError => 'reason' in item;

describe('readTsvRows on the MasakhaNEWS corpus', () => {
  const files: [string, number][] = [
    ['amh', 188],
    ['eng', 472],
    ['fra', 211],
    ['hau', 317],
    ['som', 148],
    ['swa', 237],
  ];

  it.each(files)('reads every row of masakhanews-%s-dev.tsv', async (code, rows) => {
    const path = join(CORPUS, `masakhanews-${code}-dev.tsv`);
    // A small buffer splits records (and multi-byte characters) across chunks, as a huge file would.
    const items = await collect(createReadStream(path, { highWaterMark: 4096 }));
    expect(items.filter(isError)).toEqual([]);
    expect(items).toHaveLength(rows);

    // Each row's line is where its record starts: that file line begins with the row's category.
    const fileLines = readFileSync(path, 'utf8').split('\n');
    for (const row of items as TsvRow[]) {
      expect(fileLines[row.line - 1].startsWith(`${row.category}\t`)).toBe(true);
      expect(row.headline).not.toBe('');
      expect(row.url).toMatch(/^(https?:\/\/|\/)/);
    }
  });

  it('reports start lines that differ from the record index where texts span lines (English)', async () => {
    const rows = (await collect(createReadStream(join(CORPUS, 'masakhanews-eng-dev.tsv')))) as TsvRow[];
    expect(rows[0].line).toBe(2);
    expect(rows[1].line).toBeGreaterThan(3);
    expect(rows[rows.length - 1].line).toBeGreaterThan(rows.length + 1);
  });
});

describe('readTsvRows on synthetic files', () => {
  it('matches columns by name in any order and case, with title/body aliases', async () => {
    expect(await fromText('URL\tBody\tTitle\tCategory\nhttps://x.org/1\tSome text\tA headline\tsports\n')).toEqual([
      { line: 2, headline: 'A headline', text: 'Some text', category: 'sports', url: 'https://x.org/1' },
    ]);
  });

  it('reads quoted tabs, doubled quotes and newlines inside fields', async () => {
    const items = await fromText('headline\ttext\n"Tabs\there"\t"He said ""no"".\nSecond line."\n');
    expect(items).toEqual([{ line: 2, headline: 'Tabs here', text: 'He said "no".\nSecond line.', category: null, url: null }]);
  });

  it('keeps quotes inside an unquoted field as text', async () => {
    const items = (await fromText('headline\ttext\nThe "Lion" of Kano\tShe said "yes" twice.\n')) as TsvRow[];
    expect(items.map((r) => [r.headline, r.text])).toEqual([['The "Lion" of Kano', 'She said "yes" twice.']]);
  });

  it('gives null for missing optional columns and empty optional fields', async () => {
    expect(await fromText('category\theadline\ttext\turl\n\tH\tT\t \n')).toEqual([{ line: 2, headline: 'H', text: 'T', category: null, url: null }]);
  });

  it('collapses spaces and U+00A0 in the headline, and leaves the text for tsvTextToBody', async () => {
    const [row] = (await fromText('headline\ttext\nSpika  mpya\u00A0wa Bunge \tA\u00A0 b\n')) as TsvRow[];
    expect(row.headline).toBe('Spika mpya wa Bunge');
    expect(row.text).toBe('A\u00A0 b');
  });

  it.each([
    ['no text column', 'category\theadline\turl\nsports\tH\thttps://x.org\n', /no "text" \(or "body"\) column; columns found: category, headline, url/],
    ['no headline column', 'category\ttext\nsports\tT\n', /no "headline" \(or "title"\) column; columns found: category, text/],
    ['neither', 'a\tb\n1\t2\n', /no "headline" \(or "title"\) and "text" \(or "body"\) column; columns found: a, b/],
  ])('reports a header with %s as one error for line 1', async (_name, file, reason) => {
    expect(await fromText(file)).toEqual([{ line: 1, reason: expect.stringMatching(reason) }]);
  });

  it('reports an empty file', async () => {
    expect(await fromText('')).toEqual([{ line: 1, reason: expect.stringMatching(/no header line/) }]);
  });

  it('reports rows with an empty headline or text, and goes on', async () => {
    const items = await fromText('headline\ttext\n\tSome text\nH\t  \u00A0\nH2\tT2\n');
    expect(items).toEqual([
      { line: 2, reason: 'empty headline' },
      { line: 3, reason: 'empty text' },
      { line: 4, headline: 'H2', text: 'T2', category: null, url: null },
    ]);
  });

  it('counts start lines across multi-line fields, blank lines and Windows line ends', async () => {
    const file = [
      'headline\ttext', // 1
      'One\t"first', // 2
      'second', // 3
      '', // 4: blank inside the quoted field
      'third"', // 5
      '', // 6: blank line between records
      'Two\tsingle', // 7
      '   ', // 8: spaces only
      'Three\t"a', // 9
      'b"', // 10
      'Four\tlast', // 11
    ].join('\r\n');
    const items = (await fromText(file)) as TsvRow[];
    expect(items.map((r) => [r.line, r.headline])).toEqual([
      [2, 'One'],
      [7, 'Two'],
      [9, 'Three'],
      [11, 'Four'],
    ]);
    expect(items[0].text).toBe('first\r\nsecond\r\n\r\nthird');
  });

  it('reports a row with the wrong number of fields and reads the rows after it', async () => {
    const items = await fromText('category\theadline\ttext\nsports\tH1\tT1\nsports\tH2\nsports\tH3\tT3\textra\nsports\tH4\tT4\t\n');
    expect(items).toEqual([
      { line: 2, headline: 'H1', text: 'T1', category: 'sports', url: null },
      { line: 3, reason: expect.stringMatching(/expected 3 tab-separated fields \(category, headline, text\), found 2/) },
      { line: 4, reason: expect.stringMatching(/found 4/) },
      // A trailing tab (empty extra field) is harmless.
      { line: 5, headline: 'H4', text: 'T4', category: 'sports', url: null },
    ]);
  });

  it('reports an unclosed quote at its line and recovers the rows after it', async () => {
    const items = await fromText('headline\ttext\nH1\tT1\nH2\t"never closed\nH3\tT3\nH4\tT4\n');
    expect(items).toEqual([
      { line: 2, headline: 'H1', text: 'T1', category: null, url: null },
      { line: 3, reason: expect.stringMatching(/opens a quote \("\) on line 3 that never closes/) },
      { line: 4, headline: 'H3', text: 'T3', category: null, url: null },
      { line: 5, headline: 'H4', text: 'T4', category: null, url: null },
    ]);
  });

  it('strips a byte order mark and reads UTF-8 split across chunks', async () => {
    const bytes = Buffer.from('\uFEFFheadline\ttext\nሰላም ዓለም\tጤና ይስጥልኝ።\n', 'utf8');
    const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
    expect(await collect(Readable.from(chunks))).toEqual([{ line: 2, headline: 'ሰላም ዓለም', text: 'ጤና ይስጥልኝ።', category: null, url: null }]);
  });

  it('stops reading the input when the caller stops early', async () => {
    const input = new PassThrough();
    input.write('headline\ttext\n');
    for (let i = 0; i < 100; i += 1) input.write(`H${i}\tT${i}\n`);
    for await (const row of readTsvRows(input)) {
      expect(row).toMatchObject({ headline: 'H0' });
      break;
    }
    expect(input.destroyed).toBe(true);
  });

  it('passes on a read error from the input', async () => {
    const input = new PassThrough();
    const reading = collect(input);
    input.write('headline\ttext\nH\tT\n');
    input.destroy(new Error('disk gone'));
    await expect(reading).rejects.toThrow('disk gone');
  });
});
