import { CORPUS_DIR } from '../src/seeding/demo.seed';
import { loadBaseArticles } from '../src/synth/synth.corpus';
import { WorkerPool } from '../src/workers/worker-pool';
import { countOnThisThread, TermCountPool, type CountSource } from '../src/related/related.term-count-pool';

/**
 * The bulk build's term counting on real worker threads (the built worker
 * script) against the same counting on this thread, on corpus texts of every
 * language; and a request that fails in a worker fails alone.
 */
describe('TermCountPool', () => {
  // Every corpus article: several slices of 250, so both workers count.
  const sources: CountSource[] = loadBaseArticles(CORPUS_DIR).map((base, at) => ({ id: at + 1, title: base.headline, standfirst: null, bodyText: base.sentences.join(' '), language: base.language }));
  let pool: TermCountPool;
  beforeAll(() => (pool = TermCountPool.start(2)));
  afterAll(() => pool.close());

  it('counts a page on the workers as on this thread: every set as JSON, and document frequencies merged across slices, sorted', async () => {
    expect(new Set(sources.map((source) => source.language)).size).toBe(6);
    expect(sources.length).toBeGreaterThan(1_000);
    const onWorkers = await pool.countPage(sources);
    expect(onWorkers).toEqual(await countOnThisThread.countPage(sources));
    expect(onWorkers.sets.size).toBe(sources.length);
    // Each language's df: how many of the page's articles hold the term, from the sets themselves.
    for (const language of new Set(sources.map((source) => source.language))) {
      const held = new Map<string, number>();
      for (const source of sources.filter((candidate) => candidate.language === language)) {
        for (const term of JSON.parse(onWorkers.sets.get(source.id)!.terms) as string[]) held.set(term, (held.get(term) ?? 0) + 1);
      }
      const { terms, counts } = onWorkers.documentFrequencies.get(language)!;
      expect(terms).toEqual([...held.keys()].sort());
      expect(counts).toEqual(terms.map((term) => held.get(term)));
    }
    expect(await pool.countPage([])).toEqual({ sets: new Map(), documentFrequencies: new Map() });
  });

  it('rejects a page a worker cannot count with the reason, and goes on counting', async () => {
    const broken = { id: 1, title: null as unknown as string, standfirst: null, bodyText: 'Rais', language: 'sw' };
    await expect(pool.countPage([broken])).rejects.toThrow(/A related term counting worker failed: /);
    expect((await pool.countPage(sources.slice(0, 3))).sets.size).toBe(3);
  });

  it("reports its workers' heaps (what reindex's progress adds to this thread's), until it is closed", async () => {
    const another = TermCountPool.start(1);
    const before = WorkerPool.liveWorkerHeapBytes();
    await another.countPage(sources.slice(0, 10));
    const withIt = WorkerPool.liveWorkerHeapBytes();
    // A worker's heap holds at least its tokenizers' stop words and stemmers: megabytes, under its 48 MB cap and young space.
    expect(withIt - before).toBeGreaterThan(1_000_000);
    expect(withIt - before).toBeLessThan(64 * 1_048_576);
    await another.close();
    expect(WorkerPool.liveWorkerHeapBytes()).toBe(before);
  });

  it('fails what is asked after it is closed', async () => {
    const closed = TermCountPool.start(1);
    await closed.close();
    await expect(closed.countPage(sources.slice(0, 1))).rejects.toThrow('The related term counting workers were closed.');
  });
});
