import fs from 'node:fs';
import path from 'node:path';
import type { Services } from '../composition-root';
import { rawTextRecord } from '../importing/raw-text.records';
import type { ImportRecord, ImportSummary } from '../importing/import.types';
import { tsvRecords } from '../importing/tsv.records';
import { DEMO_FILES, DEMO_SEED_ARTICLE, TOPIC_NAMES } from './demo.catalogue';

export const CORPUS_DIR = path.resolve(__dirname, '..', '..', ...(__dirname.includes(`${path.sep}dist${path.sep}`) ? ['..'] : []), 'corpus');

export interface SeedOptions {
  /** Rows per TSV file; all of them by default. Tests take a few to stay fast. */
  perLanguage?: number;
}

/**
 * Seeds the demo sample through the real importer, only into an empty
 * database: the seed article as its page shows it, then the MasakhaNEWS rows
 * with their topics named in each language, published an hour apart going
 * back from the seed article's date so "latest" lists look like a newsroom's.
 */
export async function seedDemoIfEmpty({ services }: { services: Pick<Services, 'articles' | 'importer'> }, options: SeedOptions = {}): Promise<ImportSummary | null> {
  if ((await services.articles.countAll()) > 0) return null;
  return services.importer.run(demoRecords(options), { chunkSize: 500 });
}

async function* demoRecords(options: SeedOptions): AsyncGenerator<ImportRecord> {
  const seedFile = path.join(CORPUS_DIR, DEMO_SEED_ARTICLE);
  yield rawTextRecord(seedFile, fs.readFileSync(seedFile, 'utf8'), { publish: true });
  const newest = Date.UTC(2024, 8, 12, 18);
  for (const demo of DEMO_FILES) {
    const file = path.join(CORPUS_DIR, demo.file);
    let count = 0;
    for await (const record of tsvRecords(file, fs.createReadStream(file), {
      language: demo.language,
      sourceName: demo.sourceName,
      urlBase: demo.urlBase,
      publish: true,
      publishedAt: (index) => new Date(newest - index * 3_600_000),
      categoryName: (label) => TOPIC_NAMES[demo.language][label.toLowerCase()] ?? label,
    })) {
      yield record;
      count += 1;
      if (options.perLanguage != null && count >= options.perLanguage) break;
    }
  }
}
