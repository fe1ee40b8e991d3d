import { countSlice, sortedCounts, type CountedSlice } from '../../src/related/related.counted-page';
import { sliced } from '../../src/related/related.term-count-pool';
import { termCountsOf, type TokenSource } from '../../src/related/related.terms';
import { CORPUS_DIR } from '../../src/seeding/demo.seed';
import { loadBaseArticles } from '../../src/synth/synth.corpus';

/**
 * `npm run bench -- counting`: the bulk build's term counting (pass 1, what
 * each counting worker does with a 250-article slice of one language)
 * against the straightforward way, measured in the same run: each article
 * tallied in a map and its terms sorted (termCountsOf), then added to a df
 * map sorted at the end (the counting before the seventeenth session).
 * Interleaved rounds over the shipped corpus, CPU time (process.cpuUsage),
 * and both must answer the same sets and document frequencies.
 */
const ROUNDS = 8;

function straightforward(sources: readonly TokenSource[]): CountedSlice {
  const held = new Map<string, Map<string, number>>();
  const sets = sources.map((source) => {
    const { terms, counts } = termCountsOf(source);
    let frequencies = held.get(source.language);
    if (!frequencies) held.set(source.language, (frequencies = new Map()));
    for (const term of terms) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    return { terms: JSON.stringify(terms), counts: JSON.stringify(counts) };
  });
  return { sets, documentFrequencies: [...held].map(([language, frequencies]) => [language, sortedCounts(frequencies)]) };
}

function main(): void {
  const articles = loadBaseArticles(CORPUS_DIR).map((base, at) => ({ id: at + 1, title: base.headline, standfirst: null, bodyText: base.sentences.join(' '), language: base.language }));
  // Sliced as the counting workers are given them.
  const slices = sliced(articles);
  const ways = { straightforward, countSlice };
  const same = JSON.stringify(slices.map(straightforward)) === JSON.stringify(slices.map(countSlice));
  const times: Record<keyof typeof ways, number[]> = { straightforward: [], countSlice: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order: Array<keyof typeof ways> = round % 2 ? ['straightforward', 'countSlice'] : ['countSlice', 'straightforward'];
    for (const way of order) {
      const before = process.cpuUsage();
      for (const slice of slices) ways[way](slice);
      const used = process.cpuUsage(before);
      times[way].push((used.user + used.system) / articles.length);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
  console.log(`${articles.length} corpus articles in ${slices.length} one-language slices (as the workers get them), ${ROUNDS} interleaved rounds, CPU µs an article (median):`);
  console.log(`  straightforward (baseline)  ${median(times.straightforward).toFixed(0)} µs`);
  console.log(`  countSlice                  ${median(times.countSlice).toFixed(0)} µs  (${(median(times.countSlice) / median(times.straightforward)).toFixed(2)}× the baseline)`);
  console.log(`  same sets and document frequencies: ${same ? 'yes' : 'NO'}`);
  if (!same) process.exitCode = 1;
}

main();
