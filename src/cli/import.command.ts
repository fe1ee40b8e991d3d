import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../config';
import { openCore, type Core } from '../composition-root';
import { refreshPlannerStatistics } from '../db/planner-statistics';
import { isSupportedLanguage, SUPPORTED_LANGUAGES, type LanguageCode } from '../languages/language.catalogue';
import { rawTextRecord } from '../importing/raw-text.records';
import type { ImportRecord, ImportSummary } from '../importing/import.types';
import { preparedRecords } from '../importing/prepared-records';

interface ImportCliOptions {
  format?: 'raw' | 'tsv';
  language?: string;
  source?: string;
  publish: boolean;
  strict: boolean;
  urlBase?: string;
  withoutCategories: boolean;
  suggestCategories: boolean;
  chunkSize: string;
}

/** At most this many articles are listed by --suggest-categories (the count of the rest is printed). */
const MAX_SUGGESTION_LINES = 1_000;
const SUGGESTIONS_PER_ARTICLE = 3;

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import page-text articles (.txt) and TSV corpora (.tsv) idempotently; exits 1 if any record failed')
    .argument('<files...>', 'files to import')
    .addOption(new Option('--format <format>', 'raw page text or TSV (default: by file extension)').choices(['raw', 'tsv']))
    .option('--language <code>', `language of the files (${SUPPORTED_LANGUAGES.join(', ')}); required for TSV, detected for raw text`)
    .option('--source <name>', 'source (publisher) name, e.g. "BBC Swahili"')
    .option('--publish', 'publish the imported articles (default: drafts)', false)
    .option('--strict', 'all-or-nothing per file: any failed record rolls the whole file back', false)
    .option('--url-base <url>', 'site that relative `url` values belong to, e.g. https://www.bbc.com')
    .option('--without-categories', 'ignore the category column', false)
    .option('--suggest-categories', 'after importing, list the 3 likeliest categories of each imported article without one (nothing is assigned)', false)
    .option('--chunk-size <n>', 'articles per transaction', '500')
    .action(async (files: string[], options: ImportCliOptions) => {
      process.exitCode = await runImport(files, options);
    });
}

async function runImport(files: string[], options: ImportCliOptions): Promise<number> {
  const language = options.language;
  if (language != null && !isSupportedLanguage(language)) {
    console.error(`--language "${language}" is not supported: use one of ${SUPPORTED_LANGUAGES.join(', ')}.`);
    return 2;
  }
  const chunkSize = Number(options.chunkSize);
  if (!Number.isInteger(chunkSize) || chunkSize < 1) {
    console.error('--chunk-size must be a whole number of 1 or more.');
    return 2;
  }
  for (const file of files) {
    if (!fs.existsSync(file)) {
      console.error(`${file}: no such file.`);
      return 2;
    }
    if (formatOf(file, options.format) === 'tsv' && !language) {
      console.error(`${file}: TSV files carry no language; pass --language (${SUPPORTED_LANGUAGES.join(', ')}).`);
      return 2;
    }
  }

  const core = await openCore(loadConfig());
  const total: ImportSummary = { created: 0, updated: 0, unchanged: 0, failed: 0, failures: [], notes: [], elapsedMs: 0, articlesPerSecond: 0, rolledBack: false };
  const rolledBack: string[] = [];
  const started = Date.now();
  let suggestions: string[] = [];
  try {
    for (const file of files) {
      const bar = process.stderr.isTTY ? new SingleBar({ format: `${path.basename(file)} [{bar}] {percentage}% | {articles} articles`, hideCursor: true }, Presets.shades_classic) : null;
      const size = fs.statSync(file).size;
      bar?.start(size, 0, { articles: 0 });
      let bytes = 0;
      const records = recordsOf(file, options, language as LanguageCode | undefined, (read) => {
        bytes = read;
      });
      const summary = await core.services.importer.run(records, {
        strict: options.strict,
        chunkSize,
        onProgress: (done) => bar?.update(Math.min(bytes, size), { articles: done }),
      });
      bar?.update(size);
      bar?.stop();
      for (const key of ['created', 'updated', 'unchanged', 'failed'] as const) total[key] += summary[key];
      total.failures.push(...summary.failures);
      total.notes.push(...summary.notes);
      total.elapsedMs += summary.elapsedMs;
      if (summary.rolledBack) rolledBack.push(file);
    }
    if (total.created + total.updated > 0) await refreshPlannerStatistics(core.dataSource);
    if (options.suggestCategories) suggestions = await suggestionLines(core, started);
  } finally {
    await core.close();
  }
  for (const note of total.notes) console.log(`${note.file}:${note.line}: note: ${note.message}`);
  for (const failure of total.failures) console.error(`${failure.file}:${failure.line}: ${failure.reason}`);
  for (const file of rolledBack) console.error(`${file}: nothing written (--strict): fix the line(s) above and import it again.`);
  for (const line of suggestions) console.log(line);
  const written = total.created + total.updated + total.unchanged;
  const rate = total.elapsedMs > 0 ? Math.round((written * 1000) / total.elapsedMs) : written;
  console.log(
    `Imported ${files.length} file(s): ${total.created} created, ${total.updated} updated, ${total.unchanged} unchanged, ${total.failed} failed` +
      ` in ${(total.elapsedMs / 1000).toFixed(1)} s (${rate} articles/s).`,
  );
  return total.failed > 0 ? 1 : 0;
}

/** One line per imported article without a category: `#id [language] title: politics 0.82, business 0.09, ...`. */
async function suggestionLines(core: Core, since: number): Promise<string[]> {
  const report = await core.services.topics.suggestionsForWrittenSince(since, SUGGESTIONS_PER_ARTICLE, MAX_SUGGESTION_LINES + 1);
  const lines = report.slice(0, MAX_SUGGESTION_LINES).map(({ article, suggestions }) => {
    const shown = suggestions.length
      ? suggestions.map(({ name, confidence }) => `${name} ${confidence.toFixed(2)}`).join(', ')
      : `no suggestion (too few categorized ${article.language} articles indexed to learn from: run \`habari reindex\` after importing categorized ones)`;
    return `suggested categories for #${article.id} [${article.language}] ${article.title}: ${shown}`;
  });
  if (report.length > MAX_SUGGESTION_LINES) lines.push(`(more articles without a category: the first ${MAX_SUGGESTION_LINES} are listed)`);
  return lines;
}

function formatOf(file: string, format: 'raw' | 'tsv' | undefined): 'raw' | 'tsv' {
  return format ?? (/\.(tsv|tab)$/i.test(file) ? 'tsv' : 'raw');
}

/** Page text is one article a file, read whole; TSV rows are read and prepared on a worker thread while this one writes. */
async function* recordsOf(
  file: string,
  options: ImportCliOptions,
  language: LanguageCode | undefined,
  onBytesRead: (bytes: number) => void,
): AsyncGenerator<ImportRecord> {
  if (formatOf(file, options.format) === 'raw') {
    const text = await fs.promises.readFile(file, 'utf8');
    onBytesRead(Buffer.byteLength(text));
    yield rawTextRecord(file, text, { language, publish: options.publish, sourceName: options.source ?? null });
    return;
  }
  const job = {
    file,
    options: {
      language: language!,
      sourceName: options.source ?? null,
      publish: options.publish,
      urlBase: options.urlBase ?? null,
      withoutCategories: options.withoutCategories,
    },
  };
  yield* preparedRecords([job], { onBytesRead: (_file, bytes) => onBytesRead(bytes) });
}
