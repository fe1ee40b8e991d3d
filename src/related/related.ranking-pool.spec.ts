import { ROOMY_YOUNG_UNTIL, youngGenerationMb } from './related.ranking-pool';

describe('a ranking worker’s young generation', () => {
  it.each([
    [1, 64],
    [ROOMY_YOUNG_UNTIL, 64],
    [ROOMY_YOUNG_UNTIL + 1, 16],
    [314_000, 16],
  ])('is %i articles → %i MB: roomy for small languages, tight where the index fills the memory', (articles, megabytes) => {
    expect(youngGenerationMb(articles)).toBe(megabytes);
  });
});
