/**
 * A per-code-point answer computed once and remembered: an array for the
 * first 12,288 code points (Latin, Ethiopic, general punctuation: nearly
 * every character of our languages), a map beyond. Hot loops over article
 * text (the tokenizer, the word counter) ask it for every character, so
 * Unicode property regexes run once per distinct character, not per
 * occurrence.
 */
export class CodePointTable<T> {
  private static readonly ARRAY_SIZE = 0x3000;
  private readonly low: Array<T | undefined> = new Array(CodePointTable.ARRAY_SIZE);
  private readonly high = new Map<number, T>();

  constructor(private readonly compute: (codePoint: number) => T) {}

  get(codePoint: number): T {
    if (codePoint < CodePointTable.ARRAY_SIZE) {
      let known = this.low[codePoint];
      if (known === undefined) this.low[codePoint] = known = this.compute(codePoint);
      return known;
    }
    let known = this.high.get(codePoint);
    if (known === undefined) this.high.set(codePoint, (known = this.compute(codePoint)));
    return known;
  }
}
