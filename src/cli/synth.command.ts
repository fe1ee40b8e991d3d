import type { Command } from 'commander';
import { loadConfig } from '../config';
import { openCore } from '../composition-root';
import { refreshPlannerStatistics } from '../db/planner-statistics';
import { CORPUS_DIR } from '../seeding/demo.seed';
import { loadBaseArticles } from '../synth/synth.corpus';
import { SYNTH_DEFAULTS } from '../synth/synth.drafts';
import { SynthService } from '../synth/synth.service';

interface SynthCliOptions {
  articles: string;
  seed: string;
  years: string;
}

export function registerSynthCommand(program: Command): void {
  program
    .command('synth')
    .description('generate a synthetic archive from the shipped sample straight into the database (benchmarks, load tests)')
    .requiredOption('--articles <n>', 'how many articles to write')
    .option('--seed <n>', 'same seed, same archive', String(SYNTH_DEFAULTS.seed))
    .option('--years <n>', 'publication dates spread over this many years before 2026-01-01', String(SYNTH_DEFAULTS.years))
    .action(async (options: SynthCliOptions) => {
      process.exitCode = await runSynth(options);
    });
}

async function runSynth(options: SynthCliOptions): Promise<number> {
  const articles = Number(options.articles);
  const seed = Number(options.seed);
  const years = Number(options.years);
  if (!Number.isInteger(articles) || articles < 1 || articles > 10_000_000) {
    console.error(`--articles is ${options.articles}: give a whole number from 1 to 10000000.`);
    return 2;
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    console.error(`--seed is ${options.seed}: give a whole number from 0 to 4294967295.`);
    return 2;
  }
  if (!Number.isFinite(years) || years <= 0 || years > 100) {
    console.error(`--years is ${options.years}: give a number of years above 0 and at most 100.`);
    return 2;
  }
  const core = await openCore(loadConfig());
  try {
    const service = new SynthService(core.repositories.writes, core.services.writer);
    const started = Date.now();
    let lastLine = 0;
    const summary = await service.generate(loadBaseArticles(CORPUS_DIR), articles, { ...SYNTH_DEFAULTS, seed, years }, (written) => {
      if (Date.now() - lastLine < 1000 && written < articles) return;
      lastLine = Date.now();
      const rate = Math.round((written * 1000) / Math.max(1, Date.now() - started));
      process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}synth: ${written} of ${articles} articles (${rate}/s)${process.stderr.isTTY ? '' : '\n'}`);
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    await refreshPlannerStatistics(core.dataSource);
    console.log(
      `Synthesized ${articles} articles in ${(summary.elapsedMs / 1000).toFixed(1)} s (${summary.articlesPerSecond} articles/s): ` +
        `${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged. ` +
        'They are queued for the related index: the server indexes them in the background, or run `habari reindex` now.',
    );
    return 0;
  } finally {
    await core.close();
  }
}
