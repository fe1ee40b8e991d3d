/**
 * Topic model training and inference at archive scale: 100,000 synthetic
 * profiles of 100 terms (a 60,000-word vocabulary, 7 topics), against a
 * baseline measured in the same run: counting every term's document
 * frequency in a Map (what a plain TF-IDF needs before anything else).
 *
 *   npm run build && node dist/bench/topics/topics.bench.js [articles]
 */
import type { TermWeight } from '../../src/related/related.types';
import { topicDistribution, trainTopicModel, type TopicExample } from '../../src/topics/topics.model';
import { seededRandom } from '../../src/synth/synth.drafts';

const TOPICS = 7;
const VOCABULARY = 60_000;
const TERMS = 100;

function examples(count: number): TopicExample[] {
  const next = seededRandom(13);
  const words = Array.from({ length: VOCABULARY }, (_, i) => `w${i}`);
  return Array.from({ length: count }, (_, i) => {
    const topic = i % TOPICS;
    const profile: TermWeight[] = [];
    const seen = new Set<number>();
    while (profile.length < TERMS) {
      // Half the words from the topic's own slice of the vocabulary, half from anywhere.
      const word = next() < 0.5 ? Math.floor((topic + next()) * (VOCABULARY / TOPICS)) : Math.floor(next() * VOCABULARY);
      if (seen.has(word)) continue;
      seen.add(word);
      profile.push({ term: words[word], weight: 0.1 });
    }
    return { topic: topic + 1, profile };
  });
}

function main(count: number): void {
  const data = examples(count);
  let started = performance.now();
  const df = new Map<string, number>();
  for (const { profile } of data) for (const { term } of profile) df.set(term, (df.get(term) ?? 0) + 1);
  const baselineMs = performance.now() - started;
  const sum = df.size;

  started = performance.now();
  const model = trainTopicModel(data)!;
  const trainMs = performance.now() - started;

  started = performance.now();
  let right = 0;
  const sample = data.slice(0, 10_000);
  for (const { topic, profile } of sample) {
    const p = topicDistribution(model, profile);
    if (model.topics[p.indexOf(Math.max(...p))] === topic) right++;
  }
  const inferUs = ((performance.now() - started) * 1000) / sample.length;
  console.log(`${count} profiles of ${TERMS} terms (${sum} distinct terms)`);
  console.log(`baseline (df count): ${baselineMs.toFixed(0)} ms; training: ${trainMs.toFixed(0)} ms (${(trainMs / baselineMs).toFixed(1)}x the baseline)`);
  console.log(`model: ${model.topics.length} topics, ${model.centroids.size} terms; inference ${inferUs.toFixed(1)} µs per article (self-accuracy ${(right / sample.length).toFixed(3)})`);
}

main(Number(process.argv[2] ?? 100_000));
