import type { ArticleDraft } from '../../src/articles/article.draft';
import { ArticleStatus } from '../../src/articles/article.enums';
import type { LanguageCode } from '../../src/languages/language.catalogue';
import { DEMO_FILES } from '../../src/seeding/demo.catalogue';
import type { BaseArticle } from '../../src/synth/synth.corpus';
import { seededRandom } from '../../src/synth/synth.drafts';
import { isStopWord } from '../../src/text/text.stopwords';

// The corpus and the generator are src/synth's (habari synth); this bench keeps its own passes and dates,
// so its figures stay comparable with earlier runs.
export { loadBaseArticles } from '../../src/synth/synth.corpus';
export { seededRandom } from '../../src/synth/synth.drafts';

/**
 * `total` published articles in the corpus's language mix. The first pass is
 * the corpus as it is. Each later pass is a "new year" of the same newsroom:
 * the same articles with 60% of their vocabulary renamed for that pass (names,
 * places and topics that are new), so every pass has its own stories, an
 * article is not a copy of its earlier versions (they share the rest of the
 * words: same topics, other news), and candidate pools look like a real
 * archive's instead of filling up with near-duplicates.
 */
export function* syntheticDrafts(bases: readonly BaseArticle[], total: number, seed = 42): Generator<ArticleDraft> {
  const random = seededRandom(seed);
  const sourceOf = new Map(DEMO_FILES.map((file) => [file.language, file.sourceName]));
  const newest = Date.UTC(2025, 0, 1);
  for (let i = 0; i < total; i += 1) {
    const base = bases[i % bases.length];
    const pass = Math.floor(i / bases.length);
    const rename = (text: string) => (pass === 0 ? text : renameWords(text, pass, base.language));
    const body = [];
    for (let s = 0; s < base.sentences.length; s += 3) body.push({ type: 'PARAGRAPH' as const, text: rename(base.sentences.slice(s, s + 3).join(' ')) });
    yield {
      language: base.language,
      title: rename(base.headline),
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

/** Renames 60% of the non-stop words, the same ones every time within a pass. */
function renameWords(text: string, pass: number, language: LanguageCode): string {
  const suffix = String.fromCharCode(97 + (pass % 26)) + String.fromCharCode(97 + (Math.floor(pass / 26) % 26));
  return text.replace(/[\p{L}\p{M}]{3,}/gu, (word) => {
    const key = word.toLowerCase();
    return !isStopWord(key, language) && fnv1a(`${pass}:${key}`) % 10 < 6 ? `${word}${suffix}` : word;
  });
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
