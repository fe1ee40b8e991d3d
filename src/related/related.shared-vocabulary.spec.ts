import { shareVocabulary, vocabularyReader } from './related.shared-vocabulary';

describe('shared vocabulary', () => {
  it('gives every term back by id, in any script, on shared memory', () => {
    const terms = ['rais', 'élection', 'ኢትዮጵያ', '', 'zürich', 'ምርጫ', 'a'.repeat(300), '😀x'];
    const shared = shareVocabulary(terms);
    expect(shared.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.offsets.buffer).toBeInstanceOf(SharedArrayBuffer);
    const reader = vocabularyReader(shared);
    expect(reader.size).toBe(terms.length);
    expect(terms.map((_, id) => reader.term(id))).toEqual(terms);
  });

  it('shares an empty vocabulary', () => {
    const reader = vocabularyReader(shareVocabulary([]));
    expect(reader.size).toBe(0);
  });
});
