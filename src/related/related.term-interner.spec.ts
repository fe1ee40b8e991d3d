import { vocabularyReader } from './related.shared-vocabulary';
import { TermInterner } from './related.term-interner';

describe('TermInterner', () => {
  it('gives dense ids in first-seen order, the same id for the same term, and the term back', () => {
    const interner = new TermInterner(2);
    const terms = ['rais', 'élection', 'ኢትዮጵያ', 'rais', '', 'zürich', 'ምርጫ', 'élection', 'a'.repeat(500), '😀x'];
    const ids = terms.map((term) => interner.intern(term));
    expect(ids).toEqual([0, 1, 2, 0, 3, 4, 5, 1, 6, 7]);
    expect(interner.size).toBe(8);
    expect([...Array(interner.size).keys()].map((id) => interner.term(id))).toEqual(['rais', 'élection', 'ኢትዮጵያ', '', 'zürich', 'ምርጫ', 'a'.repeat(500), '😀x']);
    expect(interner.idOf('zürich')).toBe(4);
    expect(interner.idOf('zurich')).toBeUndefined();
  });

  it('agrees with a Map over 300,000 lookups (growing its arena, offsets and table many times)', () => {
    const interner = new TermInterner(4);
    const reference = new Map<string, number>();
    const disagreements: string[] = [];
    for (let i = 0; i < 300_000; i++) {
      // Collisions in length and prefix on purpose; every third term seen before.
      const term = i % 3 === 0 ? `t${(i * 7919) % 100_000}` : `t${i % 200_000}ጵ`;
      if (!reference.has(term)) reference.set(term, reference.size);
      if (interner.intern(term) !== reference.get(term)) disagreements.push(term);
    }
    expect(disagreements).toEqual([]);
    expect(interner.size).toBe(reference.size);
    for (const [term, id] of reference) if (id % 997 === 0) expect(interner.term(id)).toBe(term);
  });

  it('shares its terms with a worker as UTF-8 bytes and offsets', () => {
    const interner = new TermInterner();
    for (const term of ['bunge', 'ምርጫ', 'élu']) interner.intern(term);
    const shared = interner.shared();
    expect(shared.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    const reader = vocabularyReader(shared);
    expect([0, 1, 2, 2, 0, 1].map(reader.term)).toEqual(['bunge', 'ምርጫ', 'élu', 'élu', 'bunge', 'ምርጫ']);
    expect(reader.size).toBe(3);
  });
});
