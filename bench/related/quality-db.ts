import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, parseDatabaseUrl } from '../../src/config';
import { openCore } from '../../src/composition-root';
import { readTsvRows } from '../../src/importing/tsv.reader';
import { tsvRecords } from '../../src/importing/tsv.records';
import { LANGUAGES } from '../../src/languages/language.catalogue';
import { DEMO_FILES } from '../../src/seeding/demo.catalogue';
import { CORPUS_DIR } from '../../src/seeding/demo.seed';
import { loadCorpus } from '../quality/quality.corpus';
import { relatedPrecision, RELATED_SHOWN } from '../quality/quality.measures';

/**
 * bench/related/quality-db: related quality as production stores it. The six
 * MasakhaNEWS files are imported with their categories hidden
 * (withoutCategories), the indexer drains the queue, and precision@5 is read
 * from article_related against each row's true category; next to it, the
 * in-memory number of bench/quality for the same files. The two differ where
 * incremental indexing differs from ranking all at once (each profile is
 * built with the document frequencies of its own batch).
 *
 *   npm run build && node dist/bench/related/quality-db.js [corpus directory]
 */
async function main(corpusDirectory: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-quality-db-'));
  const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '0', SEED_DEMO: 'false' }), database: parseDatabaseUrl(`sqlite:${path.join(dir, 'quality.sqlite')}`) };
  const core = await openCore(config);
  try {
    const truth = new Map<number, { language: string; category: string }>();
    for (const demo of DEMO_FILES) {
      const file = path.join(corpusDirectory, demo.file);
      const labels: Array<string | null> = [];
      for await (const row of readTsvRows(fs.createReadStream(file))) labels.push('reason' in row ? null : row.category);
      const records = tsvRecords(file, fs.createReadStream(file), { language: demo.language, sourceName: demo.sourceName, urlBase: demo.urlBase, publish: true, withoutCategories: true });
      await core.repositories.writes.transaction(async (tx) => {
        let index = 0;
        for await (const record of records) {
          const label = labels[index++];
          if ('error' in record || label == null) continue;
          try {
            const change = await tx.savepoint(() => core.services.writer.upsert(tx, record.draft));
            truth.set(change.article.id, { language: demo.language, category: label });
          } catch {
            // A row the importer refuses is left out, as `habari import` would.
          }
        }
      });
    }
    const drain = await core.services.relatedIndexer.drain({ batchSize: 500 });
    console.log(`imported ${truth.size} articles without categories; indexer: ${drain.processed} runs in ${(drain.elapsedMs / 1000).toFixed(1)} s`);

    const lists = await core.repositories.related.storedLists([...truth.keys()]);
    console.log(`language     articles  stored p@${RELATED_SHOWN}  in-memory p@${RELATED_SHOWN}`);
    for (const demo of DEMO_FILES) {
      const ids = [...truth].filter(([, t]) => t.language === demo.language).map(([id]) => id);
      let right = 0;
      for (const id of ids) {
        const shown = (lists.get(id) ?? []).slice(0, RELATED_SHOWN);
        right += shown.filter((item) => truth.get(item.relatedId)?.category === truth.get(id)!.category).length;
      }
      const stored = right / (RELATED_SHOWN * ids.length);
      const inMemory = relatedPrecision(loadCorpus(corpusDirectory, demo.language), demo.language);
      console.log(`${LANGUAGES[demo.language].englishName.padEnd(12)} ${String(ids.length).padStart(8)} ${stored.toFixed(3).padStart(15)} ${inMemory.toFixed(3).padStart(15)}`);
    }
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main(path.resolve(process.argv[2] ?? CORPUS_DIR)).catch((error) => {
  console.error(error);
  process.exit(1);
});
