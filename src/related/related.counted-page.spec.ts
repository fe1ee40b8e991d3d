import { CountedWrite, countSlice, joinSlices, mergeSortedCounts, writeTermDeltas, sortedCounts, type CountedPage } from './related.counted-page';
import { DocumentCounts } from './related.index-batch';
import { termCountsOf } from './related.terms';

const list = (entries: Array<[string, number]>) => ({ terms: entries.map(([term]) => term), counts: entries.map(([, count]) => count) });

describe('mergeSortedCounts', () => {
  it.each([
    ['no lists', [], []],
    ['one list, as it is', [[['a', 1], ['b', 2]]], [['a', 1], ['b', 2]]],
    ['disjoint lists, interleaved', [[['a', 1], ['c', 1]], [['b', 2], ['d', 2]]], [['a', 1], ['b', 2], ['c', 1], ['d', 2]]],
    ['a shared term, added', [[['rais', 2]], [['rais', 3]], [['rais', 1]]], [['rais', 6]]],
    ['an empty list among others', [[], [['x', 1]], []], [['x', 1]]],
    ['changes that cancel, kept as 0', [[['a', 1]], [['a', -1]]], [['a', 0]]],
    ['code-unit order: upper case, accents and Ge’ez', [[['Z', 1], ['é', 1]], [['a', 1], ['ኢ', 1]], [['ሀ', 1]]], [['Z', 1], ['a', 1], ['é', 1], ['ሀ', 1], ['ኢ', 1]]],
  ] as Array<[string, Array<Array<[string, number]>>, Array<[string, number]>]>)('%s', (_, lists, merged) => {
    expect(mergeSortedCounts(lists.map(list))).toEqual(list(merged));
  });

  it('agrees with adding up in a map, over 5 lists of random terms', () => {
    const reference = new Map<string, number>();
    const lists = Array.from({ length: 5 }, (_, seed) => {
      const counts = new Map<string, number>();
      for (let i = 0; i < 2_000; i++) counts.set(`t${(i * (seed + 7) * 7919) % 3_001}`, (seed % 3) + 1);
      for (const [term, count] of counts) reference.set(term, (reference.get(term) ?? 0) + count);
      return sortedCounts(counts);
    });
    expect(mergeSortedCounts(lists)).toEqual(sortedCounts(reference));
  });
});

describe('countSlice and joinSlices', () => {
  const sources = [
    { id: 7, title: 'Rais ahutubia bunge', standfirst: null, bodyText: 'Rais amesema bunge litakutana kesho.', language: 'sw' },
    { id: 3, title: 'Bunge lakutana', standfirst: 'Leo', bodyText: 'Wabunge wa bunge wamekutana leo.', language: 'sw' },
    { id: 9, title: 'Parliament meets', standfirst: null, bodyText: 'The parliament met today.', language: 'en' },
  ];

  it('encodes each set as the indexer would, and counts each term once per article holding it, per language', () => {
    const page = joinSlices([sources.slice(0, 2), sources.slice(2)], [countSlice(sources.slice(0, 2)), countSlice(sources.slice(2))]);
    for (const source of sources) {
      const { terms, counts } = termCountsOf(source);
      expect(page.sets.get(source.id)).toEqual({ terms: JSON.stringify(terms), counts: JSON.stringify(counts) });
    }
    const held = (language: string) => {
      const df = new Map<string, number>();
      for (const source of sources.filter((candidate) => candidate.language === language)) for (const term of termCountsOf(source).terms) df.set(term, (df.get(term) ?? 0) + 1);
      return sortedCounts(df);
    };
    expect(page.documentFrequencies).toEqual(new Map([['sw', held('sw')], ['en', held('en')]]));
    expect(page.documentFrequencies.get('sw')!.counts).toContain(2); // "bunge" (stemmed) is in both Swahili articles
    expect(joinSlices([sources], [countSlice(sources)])).toEqual(page);
  });

  it('pages counted apart and added one by one (CountedWrite) equal the page counted at once', () => {
    const whole = joinSlices([sources], [countSlice(sources)]);
    const write = new CountedWrite();
    for (const part of [sources.slice(0, 1), sources.slice(1, 2), sources.slice(2)]) write.add(joinSlices([part], [countSlice(part)]));
    expect(write.documentFrequencies()).toEqual(whole.documentFrequencies);
    expect(write.sets).toEqual(whole.sets);
    expect([...write.sets.keys()]).toEqual(sources.map((source) => source.id));
  });
});

describe('CountedWrite', () => {
  // Pages of two languages in turns, some without one of them: levels carry at 2, 4 and 8 pages, and unevenly per language.
  const pageOf = (at: number): CountedPage => {
    const counts = (language: string, salt: number) => {
      const held = new Map<string, number>();
      for (let i = 0; i < 40; i++) held.set(`${language}${(i * (at + salt) * 31) % 97}`, 1 + ((i + at) % 3));
      return sortedCounts(held);
    };
    const documentFrequencies = new Map([['sw', counts('sw', 1)]]);
    if (at % 3 !== 1) documentFrequencies.set('ha', counts('ha', 5));
    return { sets: new Map([[at, { terms: `["t${at}"]`, counts: '[1]' }]]), documentFrequencies };
  };

  it.each([1, 2, 3, 4, 7, 8, 9, 16, 21])('adds %i pages as adding them up in a map does', (pages) => {
    const write = new CountedWrite();
    const reference = new Map<string, Map<string, number>>();
    for (let at = 0; at < pages; at++) {
      const page = pageOf(at);
      write.add(page);
      for (const [language, { terms, counts }] of page.documentFrequencies) {
        const held = reference.get(language) ?? new Map<string, number>();
        terms.forEach((term, index) => held.set(term, (held.get(term) ?? 0) + counts[index]));
        reference.set(language, held);
      }
    }
    const expected = new Map([...reference].map(([language, held]) => [language, sortedCounts(held)]));
    expect(new Map([...write.documentFrequencies()].sort())).toEqual(new Map([...expected].sort()));
    expect([...write.sets.keys()]).toEqual(Array.from({ length: pages }, (_, at) => at));
  });

  it('answers no languages before a page is added', () => {
    expect(new CountedWrite().documentFrequencies()).toEqual(new Map());
  });
});

describe('writeTermDeltas', () => {
  it('adds the page, takes away the sets counted before, drops what cancels, in (language, term) order', () => {
    const before = new DocumentCounts();
    before.add('sw', ['bunge', 'rais'], -1);
    before.add('en', ['vote'], -1);
    const added = new Map([
      ['sw', list([['bunge', 2], ['leo', 1]])],
      ['am', list([['ምርጫ', 1]])],
    ]);
    expect(writeTermDeltas(added, before)).toEqual([
      { language: 'am', terms: ['ምርጫ'], deltas: [1] },
      { language: 'en', terms: ['vote'], deltas: [-1] },
      { language: 'sw', terms: ['bunge', 'leo', 'rais'], deltas: [1, 1, -1] },
    ]);
    const recounted = new DocumentCounts();
    recounted.add('sw', ['rais'], -1);
    expect(writeTermDeltas(new Map([['sw', list([['rais', 1]])]]), recounted)).toEqual([]);
  });

  it('answers a first count (nothing counted before) as its lists, without copying them', () => {
    const sw = list([['bunge', 2], ['leo', 1]]);
    const [change] = writeTermDeltas(new Map([['sw', sw]]), new DocumentCounts());
    expect(change).toEqual({ language: 'sw', terms: ['bunge', 'leo'], deltas: [2, 1] });
    expect(change.terms).toBe(sw.terms);
  });
});
