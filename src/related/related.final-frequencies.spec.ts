import { LanguageFrequencies } from './related.final-frequencies';

describe('LanguageFrequencies', () => {
  it.each([
    ['a term held by many articles', 'rais', 412],
    ['a term in Ge’ez script', 'ኢትዮጵያ', 7],
    ['an accented term', 'élection', 2],
    ['a term held by one article (not kept)', 'kipekee', 1],
    ['a term never added', 'haipo', 1],
  ])('answers %s', (_, term, expected) => {
    const table = new LanguageFrequencies(2);
    for (const [known, df] of [['rais', 412], ['ኢትዮጵያ', 7], ['élection', 2], ['kipekee', 1]] as const) table.add(known, df);
    expect(table.of(term)).toBe(expected);
  });

  it('keeps only terms of df 2 or more, and agrees with a Map over 100,000 terms (growing many times)', () => {
    const table = new LanguageFrequencies(4);
    const reference = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) {
      const term = i % 2 ? `t${i}ጵ` : `t${i}`;
      const df = i % 5;
      table.add(term, df);
      reference.set(term, df);
    }
    expect(table.size).toBe([...reference.values()].filter((df) => df >= 2).length);
    const disagreements = [...reference].filter(([term, df]) => table.of(term) !== Math.max(1, df));
    expect(disagreements).toEqual([]);
  });

  it('answers common terms beyond the Map’s bound from the table, and mixes of both', () => {
    const table = new LanguageFrequencies(4);
    const dfOf = (i: number) => (i % 3 === 0 ? 16 + (i % 50) : 2 + (i % 14));
    for (let i = 0; i < 700_000; i++) table.add(`w${i}`, dfOf(i));
    expect(table.size).toBe(700_000);
    const wrong = Array.from({ length: 700_000 }, (_, i) => i).filter((i) => table.of(`w${i}`) !== dfOf(i));
    expect(wrong).toEqual([]);
    expect(table.of('w700000')).toBe(1);
  });
});
