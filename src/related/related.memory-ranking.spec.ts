import { seededRandom as random } from '../synth/synth.drafts';
import { topicsFromModels } from '../topics/topics.ranking';
import { CANDIDATE_POOL, RELATED_STORED } from './related.live-ranking';
import { LanguageIndex, MAX_INDEXED_PROFILE, type IndexedArticle } from './related.memory-index';
import { keyHash, rankInMemory } from './related.memory-ranking';
import { rankRelated } from './related.ranking';
import type { RelatedInput, RelatedResult, TermWeight, TopicsOf } from './related.types';
import { RELATED_WEIGHTS, type RelatedWeights } from './related.weights';

const VOCABULARY = Array.from({ length: 400 }, (_, n) => (n % 7 === 0 ? `neno${n}` : n % 5 === 0 ? `ሀገር${n}` : `term${n}`));
const TAGS = ['Kenya', 'kenya', 'Siasa', 'Uchumi', 'Afya', 'Michezo'];

interface Archive {
  articles: Array<IndexedArticle & { profile: TermWeight[] }>;
  df: Map<string, number>;
}

/**
 * An archive shaped like a news language: topics sharing their words, exact
 * copies (same hash or title), light edits (near-duplicate profiles), repeated
 * weights (ties), categories, sources, tags and dates, a few unpublished and
 * undated. Weights are 32-bit, as every stored profile's are.
 */
function archive(seed: number, size: number): Archive {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const articles: Archive['articles'] = [];
  for (let n = 0; n < size; n++) {
    const id = 10 + n * 3;
    const earlier = articles.length ? pick(articles) : null;
    const kind = next();
    let raw: Map<string, number>;
    if (earlier && kind < 0.15) {
      // A light edit of an earlier article: most terms and weights kept.
      raw = new Map(earlier.profile.map(({ term, weight }) => [term, next() < 0.9 ? weight : weight * 1.3]));
    } else {
      const topic = Math.floor(next() * 8) * 50;
      raw = new Map();
      const terms = 20 + Math.floor(next() * 80);
      for (let k = 0; k < terms; k++) {
        const term = VOCABULARY[next() < 0.7 ? topic + Math.floor(next() * 50) : Math.floor(next() * VOCABULARY.length)];
        // Weights from a few levels: equal weights (and equal products) happen, as in real profiles.
        raw.set(term, next() < 0.3 ? 0.5 : Math.ceil(next() * 20) / 10);
      }
    }
    const length = Math.hypot(...raw.values());
    const profile = [...raw].map(([term, weight]) => ({ term, weight: Math.fround(weight / length) }));
    const copy = earlier && kind >= 0.15 && kind < 0.2;
    articles.push({
      id,
      language: 'sw',
      categoryId: next() < 0.2 ? null : 1 + Math.floor(next() * 4),
      sourceId: next() < 0.1 ? null : 1 + Math.floor(next() * 3),
      tags: next() < 0.5 ? [] : [pick(TAGS), pick(TAGS)],
      publishedAt: next() < 0.05 ? null : new Date(Date.UTC(2025, 0, 1) + Math.floor(next() * 120) * 86_400_000 + (next() < 0.2 ? 0 : Math.floor(next() * 86_400_000))),
      contentHash: copy && next() < 0.5 ? earlier.contentHash : next() < 0.1 ? undefined : `hash-${id}`,
      title: copy ? earlier.title.toUpperCase() + '!' : `Habari ${Math.floor(next() * size * 2)}`,
      published: next() > 0.05,
      profile,
    });
  }
  const df = new Map<string, number>();
  for (const { profile } of articles) for (const { term } of profile) df.set(term, (df.get(term) ?? 0) + 1);
  return { articles, df };
}

function indexOf({ articles, df }: Archive, dfCap: number): LanguageIndex {
  const index = new LanguageIndex(dfCap);
  for (const { profile, ...article } of articles) index.add(article, profile);
  index.seal((termId) => df.get(index.term(termId)) ?? Number.POSITIVE_INFINITY);
  return index;
}

/** An archive, its index, and every article ranked by rankInMemory. */
function rankedArchive(seed: number, size: number, dfCap: number) {
  const data = archive(seed, size);
  const index = indexOf(data, dfCap);
  return { data, index, lists: rankInMemory(index, data.articles.map(({ id }) => ({ articleId: id }))) };
}

/** What the bulk build ranked before: every candidate as a RelatedInput, through rankRelated. */
function rankedByObjects(index: LanguageIndex, { articles }: Archive, targetId: number, weights: RelatedWeights, topicsOf?: TopicsOf): RelatedResult[] | undefined {
  const inputs = new Map<number, RelatedInput>();
  for (const { published, profile, ...fields } of articles) {
    if (!published) continue;
    const sorted = [...profile].sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    const input: RelatedInput = { ...fields, profile: sorted };
    inputs.set(fields.id, topicsOf ? { ...input, topics: topicsOf(input) } : input);
  }
  const target = inputs.get(targetId);
  if (!target) return undefined;
  const candidates = index.candidates(targetId, CANDIDATE_POOL).flatMap((id) => inputs.get(id) ?? []);
  return rankRelated(target, candidates, RELATED_STORED, weights);
}

const topicModel: TopicsOf = topicsFromModels(
  new Map([
    [
      'sw',
      {
        labels: [1, 2, 3, 4].map((id) => ({ id, name: `Mada ${id}` })),
        model: {
          topics: [1, 2, 3, 4],
          centroids: new Map(VOCABULARY.filter((_, n) => n % 3 === 0).map((term, n) => [term, [n % 4 === 0 ? 0.2 : 0.01, n % 4 === 1 ? 0.2 : 0.01, n % 4 === 2 ? 0.3 : 0, 0.05]])),
          examples: 100,
          sharpness: 40,
        },
      },
    ],
  ]),
);

describe('rankInMemory (the bulk build’s ranking over typed arrays)', () => {
  it.each([
    ['the weights in production', 1, 300, RELATED_WEIGHTS, undefined],
    ['with a topic model', 2, 300, RELATED_WEIGHTS, topicModel],
    ['feedback off', 3, 200, { ...RELATED_WEIGHTS, feedbackWeight: 0 }, undefined],
    ['a lower near-duplicate threshold (more stories fold)', 4, 300, { ...RELATED_WEIGHTS, nearDuplicateCosine: 0.5 }, topicModel],
    ['a small archive', 5, 12, RELATED_WEIGHTS, undefined],
  ] as const)('lists exactly what rankRelated lists from the same candidates: %s', (_, seed, size, weights, topicsOf) => {
    const data = archive(seed, size);
    // A low cap leaves common terms out of the search, as at archive size.
    const index = indexOf(data, Math.max(3, Math.floor(size / 10)));
    const page = data.articles.map(({ id }) => ({ articleId: id }));
    const lists = rankInMemory(index, page, topicsOf, weights);
    let compared = 0;
    for (const { articleId } of page) {
      const expected = rankedByObjects(index, data, articleId, weights, topicsOf);
      // Scores and reasons to the last bit, in the same order (JSON shows any difference).
      expect(JSON.stringify(lists.get(articleId))).toBe(JSON.stringify(expected));
      if (expected?.length) compared++;
    }
    expect(compared).toBeGreaterThan(size * 0.6);
  });

  it('finds the copies and edits it folds: some lists leave out near-duplicate candidates', () => {
    const { data, lists } = rankedArchive(7, 300, 30);
    const copies = data.articles.filter((article, n) => data.articles.some((other, m) => m < n && other.contentHash && other.contentHash === article.contentHash));
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const original = data.articles.find((other) => other.contentHash === copy.contentHash)!;
      expect(lists.get(copy.id)?.map(({ id }) => id) ?? []).not.toContain(original.id);
    }
  });

  it('tells apart titles whose keys hash alike: only equal keys fold', () => {
    // Two different title keys with the same 32-bit hash, found by brute force.
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let n = 0; !pair; n++) {
      const title = `habari ${n}`;
      const other = seen.get(keyHash(title));
      if (other !== undefined) pair = [other, title];
      else seen.set(keyHash(title), title);
    }
    const data = archive(9, 200);
    // Two articles with the colliding titles, and a third with the first one's title again (a real copy's).
    const profile = data.articles[10].profile;
    // b shares every other term of a's profile (cosine about 0.5: no copy by its words), c is a's profile.
    const half = profile.map((entry, k) => (k % 2 ? { term: `mpya${k}`, weight: entry.weight } : entry));
    data.articles[10] = { ...data.articles[10], title: pair[0], published: true, contentHash: 'a' };
    data.articles[11] = { ...data.articles[11], title: pair[1], profile: half, published: true, contentHash: 'b' };
    data.articles[12] = { ...data.articles[12], title: pair[0].toUpperCase(), profile, published: true, contentHash: 'c' };
    for (const [term] of [...half, ...profile].map(({ term }) => [term])) data.df.set(term, (data.df.get(term) ?? 0) + 1);
    const cosine = profile.reduce((sum, entry, k) => sum + (k % 2 ? 0 : entry.weight * entry.weight), 0);
    expect(cosine).toBeGreaterThan(0.2);
    expect(cosine).toBeLessThan(0.8);
    const index = indexOf(data, 1_000);
    const [a, b, c] = [data.articles[10].id, data.articles[11].id, data.articles[12].id];
    const lists = rankInMemory(index, [a, b, c].map((articleId) => ({ articleId })));
    for (const id of [a, b, c]) expect(JSON.stringify(lists.get(id))).toBe(JSON.stringify(rankedByObjects(index, data, id, RELATED_WEIGHTS)));
    // a and c are copies (same title key), b is not a copy of either by its title.
    expect(lists.get(a)!.map(({ id }) => id)).not.toContain(c);
    expect(lists.get(b)!.map(({ id }) => id)).toContain(a);
  });

  it('refuses a profile longer than its weight order can hold, saying which article', () => {
    const index = new LanguageIndex();
    const [{ profile: _profile, ...article }] = archive(10, 1).articles;
    const long = Array.from({ length: MAX_INDEXED_PROFILE + 1 }, (_, k) => ({ term: `t${k}`, weight: 1 / (k + 1) }));
    expect(() => index.add(article, long)).toThrow(`article ${article.id} has 257 profile terms (at most 256)`);
    index.add(article, long.slice(0, MAX_INDEXED_PROFILE));
    expect(index.size).toBe(1);
  });

  it('leaves out unpublished targets and candidates', () => {
    const { data, lists } = rankedArchive(8, 200, 20);
    const unpublished = new Set(data.articles.filter(({ published }) => !published).map(({ id }) => id));
    expect(unpublished.size).toBeGreaterThan(0);
    for (const id of unpublished) expect(lists.has(id)).toBe(false);
    for (const list of lists.values()) for (const { id } of list) expect(unpublished.has(id)).toBe(false);
  });
});
