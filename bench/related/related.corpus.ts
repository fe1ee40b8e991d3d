import type { ArticleDraft } from '../../src/articles/article.draft';
import { ArticleStatus } from '../../src/articles/article.enums';
import { SUPPORTED_LANGUAGES, type LanguageCode } from '../../src/languages/language.catalogue';
import { DEMO_FILES } from '../../src/seeding/demo.catalogue';
import { loadCorpus } from '../quality/quality.corpus';

export interface BaseArticle {
  language: LanguageCode;
  category: string;
  headline: string;
  sentences: string[];
}

const SENTENCE_END = /(?<=[.!?።])\s+/u;

/** Every MasakhaNEWS row of the six files, split into sentences. */
export function loadBaseArticles(corpusDirectory: string): BaseArticle[] {
  return SUPPORTED_LANGUAGES.flatMap((language) =>
    loadCorpus(corpusDirectory, language).map((row) => ({
      language,
      category: row.category,
      headline: row.headline,
      sentences: row.text.split(SENTENCE_END).filter((sentence) => sentence.trim().length > 0),
    })),
  );
}

/** mulberry32: a small seeded generator, so every run builds the same corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `total` published articles in the corpus's language mix. The first pass is
 * the corpus as it is; later ones are new stories made of most of one article's
 * sentences and some of another's from the same language and category, so
 * posting lists and candidate sets grow as in a real archive instead of
 * filling up with exact copies.
 */
export function* syntheticDrafts(bases: readonly BaseArticle[], total: number, seed = 42): Generator<ArticleDraft> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const peers = new Map<string, BaseArticle[]>();
  for (const base of bases) {
    const key = `${base.language}/${base.category}`;
    peers.set(key, [...(peers.get(key) ?? []), base]);
  }
  const sourceOf = new Map(DEMO_FILES.map((file) => [file.language, file.sourceName]));
  const newest = Date.UTC(2025, 0, 1);
  for (let i = 0; i < total; i += 1) {
    const base = bases[i % bases.length];
    const pass = Math.floor(i / bases.length);
    let title = base.headline;
    let sentences = base.sentences;
    if (pass > 0) {
      const partner = pick(peers.get(`${base.language}/${base.category}`)!);
      const own = base.sentences.filter(() => random() < 0.7);
      const borrowed = partner.sentences.filter(() => random() < 0.3);
      sentences = [...own, ...borrowed];
      if (!sentences.length) sentences = base.sentences;
      title = `${base.headline}: ${partner.headline.split(/\s+/).slice(0, 4).join(' ')} ${pass}`;
    }
    const body = [];
    for (let s = 0; s < sentences.length; s += 3) body.push({ type: 'PARAGRAPH' as const, text: sentences.slice(s, s + 3).join(' ') });
    yield {
      language: base.language,
      title,
      body,
      status: ArticleStatus.PUBLISHED,
      publishedAt: new Date(newest - Math.floor(random() * 730 * 86_400_000)),
      canonicalUrl: `https://bench.habari.example/${base.language}/${i}`,
      category: { name: base.category },
      source: { name: sourceOf.get(base.language) ?? 'BBC' },
      tags: [],
    };
  }
}
