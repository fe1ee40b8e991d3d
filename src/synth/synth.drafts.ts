import type { ArticleDraft } from '../articles/article.draft';
import { ArticleStatus } from '../articles/article.enums';
import type { LanguageCode } from '../languages/language.catalogue';
import { DEMO_FILES, TOPIC_NAMES } from '../seeding/demo.catalogue';
import { isStopWord } from '../text/text.stopwords';
import type { BaseArticle } from './synth.corpus';

export interface SynthOptions {
  /** Same seed, same archive: dates, sources and tags are drawn from it. */
  seed: number;
  /** Publication dates spread evenly at random over this many years before `newest`. */
  years: number;
  newest: Date;
}

export const SYNTH_DEFAULTS: Readonly<SynthOptions> = Object.freeze({ seed: 42, years: 10, newest: new Date(Date.UTC(2026, 0, 1)) });

/** mulberry32: a small seeded generator, so every run builds the same archive. */
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
 * Sources of a synthetic archive: the language's BBC service (the sample's
 * publisher) writes most of it, two wire services the rest, as in a newsroom
 * that takes agency copy. Shares out of 100.
 */
const SOURCE_SHARES: ReadonlyArray<{ name: (language: LanguageCode) => string; share: number }> = [
  { name: (language) => DEMO_FILES.find((file) => file.language === language)?.sourceName ?? 'BBC', share: 80 },
  { name: () => 'Synthetic Wire', share: 15 },
  { name: () => 'Synthetic Agency', share: 5 },
];

/**
 * `total` published articles in the sample's language and topic mix (every
 * article of corpus/ in turn, so each language and each of its sections keeps
 * its share). The first pass is the sample as it is. Each later pass is a
 * "new year" of the same newsroom: the same articles with 60% of their
 * non-stop words renamed for that pass (names, places and topics that are
 * new), so every pass has its own stories, an article is not a copy of its
 * earlier versions (they share the rest of the words: same topics, other
 * news), search finds words of every pass, and related-article candidate
 * pools look like a real archive's instead of filling with near-duplicates.
 * Canonical URLs are `https://synth.habari.example/{language}/{seed}/{n}`,
 * so running it again with the same seed changes nothing.
 */
export function* synthDrafts(bases: readonly BaseArticle[], total: number, options: SynthOptions = SYNTH_DEFAULTS): Generator<ArticleDraft> {
  if (!bases.length) return;
  const random = seededRandom(options.seed);
  const newest = options.newest.getTime();
  const span = options.years * 365.25 * 86_400_000;
  for (let i = 0; i < total; i += 1) {
    const base = bases[i % bases.length];
    const pass = Math.floor(i / bases.length);
    const rename = (text: string) => (pass === 0 ? text : renameWords(text, pass, base.language));
    const body = [];
    for (let s = 0; s < base.sentences.length; s += 3) body.push({ type: 'PARAGRAPH' as const, text: rename(base.sentences.slice(s, s + 3).join(' ')) });
    const publishedAt = new Date(newest - Math.floor(random() * span));
    const pick = random() * 100;
    let cumulative = 0;
    const source = SOURCE_SHARES.find(({ share }) => (cumulative += share) > pick) ?? SOURCE_SHARES[0];
    yield {
      language: base.language,
      title: rename(base.headline),
      body,
      status: ArticleStatus.PUBLISHED,
      publishedAt,
      canonicalUrl: `https://synth.habari.example/${base.language}/${options.seed}/${i}`,
      category: { name: TOPIC_NAMES[base.language][base.category] ?? base.category },
      source: { name: source.name(base.language) },
      tags: [],
    };
  }
}

/** Renames 60% of the non-stop words, the same ones every time within a pass. */
export function renameWords(text: string, pass: number, language: LanguageCode): string {
  return text.replace(/[\p{L}\p{M}]{3,}/gu, (word) => {
    const key = word.toLowerCase();
    return !isStopWord(key, language) && fnv1a(`${pass}:${key}`) % 10 < 6 ? `${word}${passSuffix(pass)}` : word;
  });
}

/** aa, ab, ... zz, then baa, bab, ...: distinct for every pass. */
export function passSuffix(pass: number): string {
  let suffix = '';
  let rest = pass;
  do {
    suffix = String.fromCharCode(97 + (rest % 26)) + suffix;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return suffix.padStart(2, 'a');
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
