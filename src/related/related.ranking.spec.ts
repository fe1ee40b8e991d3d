import { rankRelated } from './related.ranking';
import { profileOverlap } from './related.similarity';
import type { RelatedInput, TermWeight } from './related.types';
import { RELATED_WEIGHTS, type RelatedWeights } from './related.weights';

/** Unit-length profile from raw weights. */
const profile = (raw: Record<string, number>): TermWeight[] => {
  const length = Math.hypot(...Object.values(raw));
  return Object.entries(raw).map(([term, weight]) => ({ term, weight: weight / length }));
};

let nextId = 100;
const article = (overrides: Partial<RelatedInput> = {}): RelatedInput => ({
  id: nextId++,
  language: 'sw',
  categoryId: null,
  sourceId: null,
  tags: [],
  publishedAt: null,
  profile: profile({ filler: 1 }),
  title: `Title ${nextId}`,
  ...overrides,
});

/** Weights with pseudo-relevance feedback off and only the signal under test on. */
const only = (overrides: Partial<RelatedWeights>): RelatedWeights => ({
  ...RELATED_WEIGHTS,
  sharedTerms: 0,
  sameCategory: 0,
  sharedTags: 0,
  sameSource: 0,
  closeInTime: 0,
  feedbackWeight: 0,
  ...overrides,
});
const plain = only({ sharedTerms: 1, sameCategory: 0.15, sharedTags: 0.2, sameSource: 0.02, closeInTime: 0.1 });

const target = article({ id: 1, profile: profile({ ruto: 3, bunge: 2, spika: 1 }), title: 'Ruto na bunge' });
const ids = (results: { id: number }[]) => results.map(({ id }) => id);

describe('rankRelated', () => {
  describe('who may appear', () => {
    const related = article({ id: 2, profile: profile({ ruto: 1, bunge: 1, mkutano: 2 }) });

    it.each([
      ['another language', article({ id: 3, language: 'en', profile: target.profile }), []],
      ['the target itself (its own id)', { ...target }, []],
      ['a copy with the same content hash', article({ id: 4, contentHash: 'h', profile: profile({ ruto: 1 }) }), []],
      ['a copy with the same normalised title', article({ id: 5, title: 'RUTO NA BUNGE!', profile: profile({ ruto: 1 }) }), []],
      ['a copy with an almost equal profile', article({ id: 6, profile: profile({ ruto: 3, bunge: 2, spika: 1.1 }) }), []],
      ['an article sharing nothing but source and time', article({ id: 7, sourceId: 9, publishedAt: new Date('2024-05-01'), profile: profile({ simba: 1 }) }), []],
      ['an article sharing only the category', article({ id: 8, categoryId: 3, profile: profile({ simba: 1 }) }), [8]],
      ['an article sharing only a tag', article({ id: 9, tags: ['Siasa'], profile: profile({ simba: 1 }) }), [9]],
      ['an article sharing terms', related, [2]],
    ])('%s', (_case, candidate, expected) => {
      const withContext = { ...target, contentHash: 'h', categoryId: 3, tags: ['siasa'], sourceId: 9, publishedAt: new Date('2024-05-01') };
      expect(ids(rankRelated(withContext, [candidate], 10, plain))).toEqual(expected);
    });
  });

  describe('folding copies among the candidates', () => {
    const story = profile({ ruto: 1, bunge: 1, mkutano: 2 });
    it.each([
      ['keeps the earliest published copy', [
        article({ id: 20, profile: story, contentHash: 'x', publishedAt: new Date('2024-05-03') }),
        article({ id: 21, profile: story, contentHash: 'x', publishedAt: new Date('2024-05-01') }),
        article({ id: 22, profile: story, contentHash: 'x', publishedAt: new Date('2024-05-02') }),
      ], [21]],
      ['prefers a dated copy to an undated one', [
        article({ id: 30, profile: story, title: 'Same' }),
        article({ id: 31, profile: story, title: 'same', publishedAt: new Date('2024-05-09') }),
      ], [31]],
      ['takes the lowest id among equally dated copies', [
        article({ id: 41, profile: story, publishedAt: new Date('2024-05-01') }),
        article({ id: 40, profile: story, publishedAt: new Date('2024-05-01') }),
      ], [40]],
      ['treats an invalid date as undated', [
        article({ id: 50, profile: story, contentHash: 'y', publishedAt: new Date('nonsense') }),
        article({ id: 51, profile: story, contentHash: 'y', publishedAt: new Date('2024-05-01') }),
      ], [51]],
      ['keeps different stories apart', [
        article({ id: 60, profile: profile({ ruto: 1, mkutano: 2 }) }),
        article({ id: 61, profile: profile({ spika: 1, kura: 1 }) }),
      ], [60, 61]],
    ])('%s', (_case, candidates, expected) => {
      expect(ids(rankRelated(target, candidates, 10, plain))).toEqual(expected);
    });
  });

  describe('score and reasons', () => {
    it('adds up every signal and explains each one, strongest first', () => {
      const t = { ...target, categoryId: 3, sourceId: 9, tags: ['Siasa', 'Kenya', 'Bunge'], publishedAt: new Date('2024-05-01T00:00:00Z') };
      const candidate = article({
        id: 2,
        categoryId: 3,
        sourceId: 9,
        tags: ['siasa', 'KENYA'],
        publishedAt: new Date('2024-05-08T00:00:00Z'), // one half-life later
        profile: profile({ ruto: 1, spika: 1, kura: 1 }),
      });
      const cosine = (3 / Math.hypot(3, 2, 1)) * (1 / Math.sqrt(3)) + (1 / Math.hypot(3, 2, 1)) * (1 / Math.sqrt(3));
      const [result] = rankRelated(t, [candidate], 1, plain);
      expect(result.reasons).toEqual([
        { signal: 'SHARED_TERMS', weight: expect.closeTo(cosine, 12), terms: ['ruto', 'spika'] },
        { signal: 'SHARED_TAGS', weight: expect.closeTo(0.2 * (2 / Math.sqrt(3 * 2)), 12), tags: ['Siasa', 'Kenya'] },
        { signal: 'SAME_CATEGORY', weight: 0.15 },
        { signal: 'CLOSE_IN_TIME', weight: expect.closeTo(0.05, 12) },
        { signal: 'SAME_SOURCE', weight: 0.02 },
      ]);
      expect(result.score).toBeCloseTo(result.reasons.reduce((sum, { weight }) => sum + weight, 0), 12);
    });

    it('lists at most five shared terms, strongest contribution first', () => {
      const terms = { a: 7, b: 6, c: 5, d: 4, e: 3, f: 2, g: 1 };
      const [result] = rankRelated({ ...target, profile: profile(terms) }, [article({ profile: profile({ ...terms, zz: 30 }) })], 1, plain);
      expect(result.reasons[0]).toMatchObject({ signal: 'SHARED_TERMS', terms: ['a', 'b', 'c', 'd', 'e'] });
    });

    it('stops calling articles close in time after a few half-lives', () => {
      const at = (day: string) => new Date(`2024-05-${day}T00:00:00Z`);
      const t = { ...target, publishedAt: at('01') };
      const signals = (publishedAt: Date) =>
        rankRelated(t, [article({ publishedAt, profile: profile({ ruto: 1 }) })], 1, plain)[0].reasons.map(({ signal }) => signal);
      expect(signals(at('20'))).toContain('CLOSE_IN_TIME'); // 19 days: 0.15 of full weight
      expect(signals(at('31'))).not.toContain('CLOSE_IN_TIME'); // 30 days: 0.05, under the floor
    });

    it('orders by score, then by id', () => {
      const candidates = [
        article({ id: 9, profile: profile({ spika: 1, own9: 1 }) }),
        article({ id: 8, profile: profile({ ruto: 1, own8: 1 }) }),
        article({ id: 7, profile: profile({ ruto: 1, own7: 1 }) }), // the same score as 8
        article({ id: 3, profile: profile({ bunge: 1, own3: 1 }) }),
      ];
      expect(ids(rankRelated(target, candidates, 10, plain))).toEqual([7, 8, 3, 9]);
    });
  });

  describe('pseudo-relevance feedback', () => {
    const t = { ...target, profile: profile({ a: 1 }) };
    const close = article({ id: 2, profile: profile({ a: 0.7, x: 0.7 }) });
    const sameTopic = article({ id: 3, profile: profile({ a: 0.3, x: 0.95 }) });
    const oneWord = article({ id: 4, profile: profile({ a: 0.5, y: 0.86 }) });

    it('lifts an article that shares the closest match\'s words', () => {
      const without = only({ sharedTerms: 1 });
      expect(ids(rankRelated(t, [close, sameTopic, oneWord], 3, without))).toEqual([2, 4, 3]);
      const withFeedback = only({ sharedTerms: 1, feedbackArticles: 1, feedbackWeight: 2 });
      expect(ids(rankRelated(t, [close, sameTopic, oneWord], 3, withFeedback))).toEqual([2, 3, 4]);
    });

    it('gives no term score to an article sharing no word with the target itself', () => {
      const neighbourOnly = article({ id: 5, profile: profile({ x: 1 }) });
      expect(ids(rankRelated(t, [close, neighbourOnly], 3, only({ sharedTerms: 1, feedbackArticles: 1, feedbackWeight: 2 })))).toEqual([2]);
    });
  });

  describe('first', () => {
    const candidates = [1, 2, 3].map((n) => article({ id: 10 + n, profile: profile({ ruto: n, [`only${n}`]: 1 }) }));
    it.each([
      [0, 0],
      [-3, 0],
      [2, 2],
      [2.9, 2],
      [10, 3],
    ])('first %p gives %p results', (first, count) => {
      expect(rankRelated(target, candidates, first)).toHaveLength(count);
    });
  });

  it('is deterministic: candidate order and repeated candidates do not matter', () => {
    const candidates = Array.from({ length: 30 }, (_, n) =>
      article({
        id: 200 + n,
        categoryId: n % 3,
        sourceId: n % 2,
        tags: n % 4 === 0 ? ['siasa'] : [],
        publishedAt: new Date(Date.UTC(2024, 4, 1 + (n % 10))),
        contentHash: n % 7 === 0 ? 'dup' : undefined,
        profile: profile({ ruto: (n % 5) + 1, bunge: (n % 3) + 1, [`word${n % 6}`]: 2, [`own${n}`]: 3 }),
      }),
    );
    const t = { ...target, categoryId: 1, sourceId: 1, tags: ['Siasa'], publishedAt: new Date(Date.UTC(2024, 4, 4)) };
    const expected = rankRelated(t, candidates, 12);
    expect(expected.length).toBeGreaterThan(3);
    const shuffled = [...candidates].reverse();
    shuffled.push(candidates[5], candidates[0]);
    expect(rankRelated(t, shuffled, 12)).toEqual(expected);
    expect(rankRelated(t, [...candidates].sort((a, b) => a.profile[0].weight - b.profile[0].weight), 12)).toEqual(expected);
  });
});

describe('rankRelated: the shared terms it names', () => {
  // Stories are scored without naming a term; only the kept ones are named (the ranking's garbage).
  it('are profileOverlap\'s first five for every story kept, with any cut-off, on 200 random targets', () => {
    let seed = 3;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const randomProfile = () => {
      const raw: Record<string, number> = {};
      for (let n = 1 + Math.floor(random() * 30); n > 0; n--) raw[`w${Math.floor(random() * 40)}`] = 1 + Math.floor(random() * 4);
      return profile(raw);
    };
    for (let run = 0; run < 200; run++) {
      const t = article({ profile: randomProfile(), categoryId: run % 2 });
      const candidates = Array.from({ length: 20 }, (_, n) => article({ profile: randomProfile(), categoryId: n % 3 }));
      const all = rankRelated(t, candidates, 50);
      for (const result of all) {
        const shared = result.reasons.find(({ signal }) => signal === 'SHARED_TERMS');
        const candidate = candidates.find(({ id }) => id === result.id)!;
        const names = profileOverlap(t.profile, candidate.profile).terms;
        if (shared) expect(shared.terms).toEqual(names.slice(0, 5));
        else expect(names).toEqual([]);
      }
      expect(rankRelated(t, candidates, 5)).toEqual(all.slice(0, 5));
    }
  });
});

describe('rankRelated: SAME_TOPIC', () => {
  const labels = [
    { id: 1, name: 'Siasa' },
    { id: 2, name: 'Michezo' },
  ];
  const topics = (siasa: number) => ({ topics: labels, probabilities: [siasa, 1 - siasa] });
  const weights = only({ sharedTerms: 1, sameTopic: 3, sameTopicFloor: 0.1 });
  const newArticle = article({ id: 1, profile: profile({ ruto: 3, bunge: 2, uwanja: 1 }), topics: topics(0.8) });

  it.each([
    ['a likely shared topic', 0.8, 1, 3 * (0.8 * 0.8 + 0.2 * 0.2), 'Siasa'],
    ['a category against the guess', 1, 1, 3 * 0.8, 'Siasa'],
    ['the other topic', 0, 1, 3 * 0.2, 'Michezo'],
  ])('weighs %s by the chance both are on it', (_, candidateSiasa, __, weight, name) => {
    const [result] = rankRelated(newArticle, [article({ profile: profile({ ruto: 1, uwanja: 1 }), topics: topics(candidateSiasa) })], 1, weights);
    expect(result.reasons.find(({ signal }) => signal === 'SAME_TOPIC')).toEqual({ signal: 'SAME_TOPIC', weight: expect.closeTo(weight, 12), topic: name });
  });

  it('puts the candidate on the same topic first, even with fewer shared words', () => {
    const sameWords = article({ id: 10, profile: profile({ ruto: 3, bunge: 2, mpira: 2 }), topics: topics(0) });
    const sameTopic = article({ id: 11, profile: profile({ ruto: 1, kura: 3 }), topics: topics(1) });
    expect(ids(rankRelated(newArticle, [sameWords, sameTopic], 2, weights))).toEqual([11, 10]);
    expect(ids(rankRelated(newArticle, [sameWords, sameTopic], 2, { ...weights, sameTopic: 0 }))).toEqual([10, 11]);
  });

  it.each([
    ['below the floor', { ...weights, sameTopicFloor: 0.5 }, topics(0.2)],
    ['without a model for the candidate', weights, null],
  ])('is not reported %s', (_, w, candidateTopics) => {
    const [result] = rankRelated({ ...newArticle, topics: topics(0.9) }, [article({ profile: profile({ ruto: 1 }), topics: candidateTopics })], 1, w);
    expect(result.reasons.map(({ signal }) => signal)).toEqual(['SHARED_TERMS']);
  });

  it('never lists a candidate on topic alone', () => {
    expect(rankRelated(newArticle, [article({ profile: profile({ kura: 1 }), topics: topics(1) })], 5, weights)).toEqual([]);
  });
});
