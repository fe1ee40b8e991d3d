import { CodePointTable } from './code-point-table';

describe('CodePointTable', () => {
  it('computes each code point once, below and above the array, and answers what compute answered', () => {
    const asked: number[] = [];
    const table = new CodePointTable((codePoint) => {
      asked.push(codePoint);
      return codePoint % 2 === 0 ? 'even' : 'odd';
    });
    // 0x1200 is Ge'ez HA (in the array), 0x1f600 an emoji (in the map).
    expect([0x61, 0x61, 0x1200, 0x1f600, 0x1f600, 0x1201].map((c) => table.get(c))).toEqual(['odd', 'odd', 'even', 'even', 'even', 'odd']);
    expect(asked).toEqual([0x61, 0x1200, 0x1f600, 0x1201]);
  });

  it('remembers falsy answers too (0 and empty strings are answers, not gaps)', () => {
    let calls = 0;
    const table = new CodePointTable(() => {
      calls += 1;
      return 0;
    });
    table.get(0x20);
    table.get(0x20);
    table.get(0x20000);
    table.get(0x20000);
    expect(calls).toBe(2);
  });
});
