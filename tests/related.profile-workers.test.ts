import { CORPUS_DIR } from '../src/seeding/demo.seed';
import { loadBaseArticles } from '../src/synth/synth.corpus';
import { profileBuilderHere, profileBuilderOnWorker, type ProfileBuilder } from '../src/related/related.profile-builder';
import { termCountsOf } from '../src/related/related.terms';
import type { CountSource } from '../src/related/related.counted-page';

/**
 * Pass 2's profiles built on a real worker thread (the built worker script),
 * holding the language's table, against the same build on this thread:
 * the Swahili corpus, its df counted from the texts themselves, half the
 * articles from saved JSON counts and half from their texts.
 */
describe('profiles built on a worker thread', () => {
  const sources: CountSource[] = loadBaseArticles(CORPUS_DIR)
    .filter((base) => base.language === 'sw')
    .map((base, at) => ({ id: at + 1, title: base.headline, standfirst: null, bodyText: base.sentences.join(' '), language: base.language }));
  const counts = new Map(sources.map((source) => [source.id, termCountsOf(source)]));
  const df = new Map<string, number>();
  for (const { terms } of counts.values()) for (const term of terms) df.set(term, (df.get(term) ?? 0) + 1);
  const saved = new Map(sources.filter((_, at) => at % 2 === 0).map(({ id }) => [id, { terms: JSON.stringify(counts.get(id)!.terms), counts: JSON.stringify(counts.get(id)!.counts) }]));
  const texts = sources.filter((_, at) => at % 2 === 1);

  const fed = async (builder: ProfileBuilder) => {
    await builder.begin(sources.length, 1_000);
    // In pages, as the build reads term_stats.
    const entries = [...df].sort(([a], [b]) => (a < b ? -1 : 1));
    for (let start = 0; start < entries.length; start += 1_000) {
      const page = entries.slice(start, start + 1_000);
      await builder.addFrequencies(
        page.map(([term]) => term),
        page.map(([, frequency]) => frequency),
      );
    }
    return builder;
  };

  it('builds every profile as this thread does', async () => {
    expect(sources.length).toBeGreaterThan(100);
    const here = await fed(profileBuilderHere());
    const workers = await fed(profileBuilderOnWorker(1_000));
    try {
      const expected = await here.build(saved, texts);
      expect(expected.size).toBe(sources.length);
      expect([...expected.values()].every((profile) => profile.length > 0)).toBe(true);
      const built = await workers.build(saved, texts);
      expect(new Map([...built].sort(([a], [b]) => a - b))).toEqual(new Map([...expected].sort(([a], [b]) => a - b)));
      const terms = [...df.keys()].slice(0, 500).concat(['hakuna-neno-hili']);
      expect(await workers.frequencies(terms)).toEqual(await here.frequencies(terms));
      expect((await workers.frequencies(['hakuna-neno-hili']))[0]).toBe(1);
      // Beginning again starts from an empty table; a worker no language was begun on has none.
      await workers.begin(sources.length, 1_000);
      expect([...(await workers.frequencies(terms.slice(0, 3)))]).toEqual([1, 1, 1]);
      const unbegun = profileBuilderOnWorker(1_000);
      await expect(unbegun.frequencies(['rais'])).rejects.toThrow('No language was begun.').finally(() => unbegun.close());
    } finally {
      await workers.close();
    }
  });

  it('rejects a page a worker cannot build with the reason, and fails what is asked after it is closed', async () => {
    const workers = await fed(profileBuilderOnWorker(1_000));
    await expect(workers.build(new Map([[1, { terms: '["a"', counts: '[1]' }]]), [])).rejects.toThrow(/A related profiling worker failed: /);
    expect((await workers.build(saved, [])).size).toBe(saved.size);
    await workers.close();
    await expect(workers.build(saved, [])).rejects.toThrow('The related profiling workers were closed.');
  });
});
